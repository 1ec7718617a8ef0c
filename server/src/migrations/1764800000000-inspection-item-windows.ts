import type { MigrationInterface, QueryRunner } from 'typeorm';
import { forEachInspectionBatch } from './inspection-batches.js';

/**
 * Each item row of an inspection carries the inspection's trigger and start, and one index holds an
 * item's inspections by trigger and time: the nightly report finds the planned inspections of the
 * 无事不扰 items in its window from that index, instead of looking up every inspection that ever
 * listed one of them.
 */
export class InspectionItemWindows1764800000000 implements MigrationInterface {
  name = 'InspectionItemWindows1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `inspection_items` ADD `trigger_type` varchar(16) NULL, ADD `started_at` datetime(3) NULL');
    await forEachInspectionBatch(
      queryRunner,
      `UPDATE inspection_items ii JOIN inspections i ON i.id = ii.inspection_id
       SET ii.trigger_type = i.trigger_type, ii.started_at = i.started_at
       WHERE ii.inspection_id > ? AND ii.inspection_id <= ?`,
    );
    // An item row without its inspection says nothing anyone can read; the columns cannot be filled for it.
    await queryRunner.query('DELETE FROM inspection_items WHERE started_at IS NULL');
    await queryRunner.query('ALTER TABLE `inspection_items` MODIFY `trigger_type` varchar(16) NOT NULL, MODIFY `started_at` datetime(3) NOT NULL');
    await queryRunner.query('CREATE INDEX `idx_inspection_items_window` ON `inspection_items` (`item_id`, `trigger_type`, `started_at`)');
    await queryRunner.query('DROP INDEX `idx_inspection_items_item` ON `inspection_items`');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `idx_inspection_items_item` ON `inspection_items` (`item_id`)');
    await queryRunner.query('DROP INDEX `idx_inspection_items_window` ON `inspection_items`');
    await queryRunner.query('ALTER TABLE `inspection_items` DROP COLUMN `started_at`, DROP COLUMN `trigger_type`');
  }
}
