import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The yearly high-incidence violation warning report, kept per year as generated. */
export class WarningReports1765900000000 implements MigrationInterface {
  name = 'WarningReports1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE `warning_reports` (`year` smallint NOT NULL, `report` mediumtext NOT NULL, `total_cases` int NOT NULL, `warnings` int NOT NULL, `generated_at` datetime(3) NOT NULL, `requested_by` varchar(200) NOT NULL, PRIMARY KEY (`year`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `warning_reports`');
  }
}
