import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Visits that are not inspections (回访、政策宣传、走访调研) are plans of another kind; every plan so far
 * is an inspection. 陪同执法: officers of another agency accompanying a plan's inspection.
 */
export class Visits1766400000000 implements MigrationInterface {
  name = 'Visits1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `plans` ADD `kind` varchar(16) NOT NULL DEFAULT 'inspection'");
    await queryRunner.query('CREATE INDEX `idx_plans_kind_checked_in` ON `plans` (`kind`, `checked_in_at`)');
    await queryRunner.query(
      'CREATE TABLE `plan_accompaniments` (' +
        '`plan_id` varchar(36) COLLATE utf8mb4_bin NOT NULL, `officer_id` varchar(64) COLLATE utf8mb4_bin NOT NULL, ' +
        '`agency_id` varchar(64) COLLATE utf8mb4_bin NOT NULL, `added_at` datetime(3) NOT NULL, `added_by` int NOT NULL, ' +
        'INDEX `idx_plan_accompaniments_agency` (`agency_id`, `added_at`), PRIMARY KEY (`plan_id`, `officer_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `plan_accompaniments`');
    await queryRunner.query('DROP INDEX `idx_plans_kind_checked_in` ON `plans`');
    await queryRunner.query('ALTER TABLE `plans` DROP COLUMN `kind`');
  }
}
