import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's yearly figures: inspections per agency with their trigger and joint inspection read
 * from one index in agency order (one agency's year is a range of it), and a year of ratings per month
 * as a range of one index holding every column read, instead of the whole table.
 */
export class DashboardIndexes1766450000000 implements MigrationInterface {
  name = 'DashboardIndexes1766450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `idx_inspections_agency_year` ON `inspections` (`agency_id`, `started_at`, `trigger_type`, `joint_id`)');
    await queryRunner.query(
      'CREATE INDEX `idx_ratings_rated` ON `ratings` (`rated_at`, `agency_id`, `verdict`, `language_score`, `procedure_score`, `manner_score`, `fairness_score`, `flags`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_ratings_rated` ON `ratings`');
    await queryRunner.query('DROP INDEX `idx_inspections_agency_year` ON `inspections`');
  }
}
