import type { MigrationInterface, QueryRunner } from 'typeorm';
import { forEachInspectionBatch } from './inspection-batches.js';

/**
 * Each officer row of an inspection carries the inspection's agency, enterprise and times, and one
 * index holds every officer's visits in time order: the nightly report's officer pass reads it
 * instead of joining and sorting all inspections.
 */
export class OfficerVisits1764500000000 implements MigrationInterface {
  name = 'OfficerVisits1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`inspection_officers\` ADD \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, ADD \`credit_code\` char(18) COLLATE "utf8mb4_bin" NULL,
         ADD \`started_at\` datetime(3) NULL, ADD \`finished_at\` datetime(3) NULL`,
    );
    await forEachInspectionBatch(
      queryRunner,
      `UPDATE inspection_officers io JOIN inspections i ON i.id = io.inspection_id
       SET io.agency_id = i.agency_id, io.credit_code = i.credit_code, io.started_at = i.started_at, io.finished_at = i.finished_at
       WHERE io.inspection_id > ? AND io.inspection_id <= ?`,
    );
    // An officer row without its inspection says nothing anyone can read; the columns cannot be filled for it.
    await queryRunner.query('DELETE FROM inspection_officers WHERE started_at IS NULL');
    await queryRunner.query(
      `ALTER TABLE \`inspection_officers\` MODIFY \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, MODIFY \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL,
         MODIFY \`started_at\` datetime(3) NOT NULL, MODIFY \`finished_at\` datetime(3) NOT NULL`,
    );
    await queryRunner.query(
      'CREATE INDEX `idx_inspection_officers_visits` ON `inspection_officers` (`officer_id`, `started_at`, `inspection_id`, `finished_at`, `credit_code`, `agency_id`)',
    );
    await queryRunner.query('DROP INDEX `idx_inspection_officers_officer` ON `inspection_officers`');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `idx_inspection_officers_officer` ON `inspection_officers` (`officer_id`)');
    await queryRunner.query('DROP INDEX `idx_inspection_officers_visits` ON `inspection_officers`');
    await queryRunner.query('ALTER TABLE `inspection_officers` DROP COLUMN `finished_at`, DROP COLUMN `started_at`, DROP COLUMN `credit_code`, DROP COLUMN `agency_id`');
  }
}
