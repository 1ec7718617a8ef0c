import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 计划审批: an agency may require its head's approval of every plan (emergencies afterwards); a plan
 * carries where its approval stands and the head's reasons. The queue reads pending plans by agency.
 */
export class PlanApproval1766320000000 implements MigrationInterface {
  name = 'PlanApproval1766320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `agencies` ADD `plan_approval` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE `plans` ADD `approval` varchar(10) NULL, ADD `approval_when` varchar(6) NULL, ADD `approval_note` varchar(500) NULL');
    await queryRunner.query('CREATE INDEX `idx_plans_approval` ON `plans` (`approval`, `agency_id`, `filed_at`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_plans_approval` ON `plans`');
    await queryRunner.query('ALTER TABLE `plans` DROP COLUMN `approval_note`, DROP COLUMN `approval_when`, DROP COLUMN `approval`');
    await queryRunner.query('ALTER TABLE `agencies` DROP COLUMN `plan_approval`');
  }
}
