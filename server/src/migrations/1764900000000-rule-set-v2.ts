import type { MigrationInterface, QueryRunner } from 'typeorm';
import { forEachInspectionBatch } from './inspection-batches.js';

/**
 * Rule set v2 of the nightly report:
 * - an inspection record carries how many officers it lists, and the enterprise-sequence index
 *   holds its finish and that count, so single-officer and short-visit are read in the enterprise
 *   pass like the v1 inspection rules, with no look-up per inspection;
 * - cases are indexed by enterprise and decision time: the decided-cases pass reads each
 *   enterprise's decisions in order (repeat-offence-lighter) without sorting them.
 */
export class RuleSetV21764900000000 implements MigrationInterface {
  name = 'RuleSetV21764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `inspections` ADD `officer_count` smallint NOT NULL DEFAULT 0');
    await forEachInspectionBatch(
      queryRunner,
      `UPDATE inspections i JOIN (
         SELECT inspection_id, COUNT(*) AS n FROM inspection_officers WHERE inspection_id > ? AND inspection_id <= ? GROUP BY inspection_id
       ) o ON o.inspection_id = i.id
       SET i.officer_count = o.n`,
    );
    await queryRunner.query(
      'ALTER TABLE `inspections` DROP INDEX `idx_inspections_enterprise_sequence`, ' +
        'ADD INDEX `idx_inspections_enterprise_sequence` (`credit_code`, `started_at`, `id`, `agency_id`, `trigger_type`, `joint_id`, `finished_at`, `officer_count`)',
    );
    await queryRunner.query('ALTER TABLE `cases` DROP INDEX `idx_cases_enterprise`, ADD INDEX `idx_cases_enterprise_decided` (`credit_code`, `decided_at`, `id`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `cases` DROP INDEX `idx_cases_enterprise_decided`, ADD INDEX `idx_cases_enterprise` (`credit_code`)');
    await queryRunner.query(
      'ALTER TABLE `inspections` DROP INDEX `idx_inspections_enterprise_sequence`, ' +
        'ADD INDEX `idx_inspections_enterprise_sequence` (`credit_code`, `started_at`, `id`, `agency_id`, `trigger_type`, `joint_id`)',
    );
    await queryRunner.query('ALTER TABLE `inspections` DROP COLUMN `officer_count`');
  }
}
