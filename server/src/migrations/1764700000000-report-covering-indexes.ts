import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two of the nightly report's reads answered from an index alone: the cases each agency filed (and
 * how many were coercive) in the window, and the flag lanes' walk over the findings in report order,
 * which splits them by inspection. Each index gains the column the rows were being read for.
 */
export class ReportCoveringIndexes1764700000000 implements MigrationInterface {
  name = 'ReportCoveringIndexes1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_cases_agency_filed` ON `cases`');
    await queryRunner.query('CREATE INDEX `idx_cases_agency_filed` ON `cases` (`agency_id`, `filed_at`, `coercive`)');
    await queryRunner.query('DROP INDEX `idx_anomaly_findings_order` ON `anomaly_findings`');
    await queryRunner.query('CREATE INDEX `idx_anomaly_findings_order` ON `anomaly_findings` (`as_of`, `rule_order`, `subject_id`, `inspection_id`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_anomaly_findings_order` ON `anomaly_findings`');
    await queryRunner.query('CREATE INDEX `idx_anomaly_findings_order` ON `anomaly_findings` (`as_of`, `rule_order`, `subject_id`)');
    await queryRunner.query('DROP INDEX `idx_cases_agency_filed` ON `cases`');
    await queryRunner.query('CREATE INDEX `idx_cases_agency_filed` ON `cases` (`agency_id`, `filed_at`)');
  }
}
