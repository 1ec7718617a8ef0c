import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The nightly anomaly report: one run per as-of date, and its findings. */
export class AnomalyReport1764100000000 implements MigrationInterface {
  name = 'AnomalyReport1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`anomaly_findings\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`as_of\` char(10) NOT NULL, \`rule\` varchar(40) NOT NULL, \`rule_order\` tinyint NOT NULL, \`subject_type\` varchar(20) NOT NULL, \`subject_id\` varchar(200) COLLATE "utf8mb4_bin" NOT NULL, \`dedupe_key\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NULL, \`officer_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`inspection_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`severity\` varchar(8) NOT NULL, \`evidence\` text NOT NULL, \`explanation\` varchar(300) NOT NULL, \`flagged_case_id\` varchar(36) COLLATE "utf8mb4_bin" NULL, INDEX \`idx_anomaly_findings_agency\` (\`as_of\`, \`agency_id\`, \`rule_order\`, \`subject_id\`), INDEX \`idx_anomaly_findings_order\` (\`as_of\`, \`rule_order\`, \`subject_id\`), UNIQUE INDEX \`uq_anomaly_findings_subject\` (\`as_of\`, \`dedupe_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`anomaly_runs\` (\`as_of\` char(10) NOT NULL, \`rule_set\` varchar(8) NOT NULL, \`status\` varchar(10) NOT NULL, \`progress\` smallint NOT NULL DEFAULT '0', \`current_rule\` varchar(40) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`error\` text NULL, \`requested_by\` varchar(200) NOT NULL, \`queued_at\` datetime(3) NOT NULL, \`started_at\` datetime(3) NULL, \`finished_at\` datetime(3) NULL, \`generated_at\` datetime(3) NULL, \`summary\` mediumtext NULL, \`finding_count\` int NOT NULL DEFAULT '0', \`raised_count\` int NOT NULL DEFAULT '0', INDEX \`idx_anomaly_runs_queued\` (\`queued_at\`), PRIMARY KEY (\`as_of\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`anomaly_runs\``);
    await queryRunner.query(`DROP TABLE \`anomaly_findings\``);
  }
}
