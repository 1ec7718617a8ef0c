import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The inspections' hash-chained trail, and flagged cases for supervision with their log. */
export class TrailAndFlags1764000000000 implements MigrationInterface {
  name = 'TrailAndFlags1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`inspection_trail\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`inspection_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`seq\` int NOT NULL, \`kind\` varchar(24) NOT NULL, \`actor\` varchar(200) NOT NULL, \`detail\` text NOT NULL, \`at\` datetime(3) NOT NULL, \`prev_hash\` char(64) NOT NULL, \`hash\` char(64) NOT NULL, UNIQUE INDEX \`uq_inspection_trail_seq\` (\`inspection_id\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`flagged_cases\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`dedupe_key\` varchar(255) COLLATE "utf8mb4_bin" NOT NULL, \`source\` varchar(20) NOT NULL, \`rule\` varchar(40) NULL, \`subject_type\` varchar(20) NOT NULL, \`subject_id\` varchar(200) COLLATE "utf8mb4_bin" NOT NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NULL, \`officer_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`inspection_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`severity\` varchar(8) NOT NULL, \`title\` varchar(300) NOT NULL, \`evidence\` text NOT NULL, \`status\` varchar(16) NOT NULL, \`conclusion\` varchar(16) NULL, \`assignee_id\` int NULL, \`deadline\` char(10) NULL, \`created_at\` datetime(3) NOT NULL, \`updated_at\` datetime(3) NOT NULL, INDEX \`idx_flagged_cases_inspection\` (\`inspection_id\`), INDEX \`idx_flagged_cases_officer\` (\`officer_id\`, \`created_at\`), INDEX \`idx_flagged_cases_enterprise\` (\`credit_code\`, \`created_at\`), INDEX \`idx_flagged_cases_source_created\` (\`source\`, \`created_at\`), INDEX \`idx_flagged_cases_agency_status\` (\`agency_id\`, \`status\`, \`created_at\`), INDEX \`idx_flagged_cases_status_created\` (\`status\`, \`created_at\`), UNIQUE INDEX \`uq_flagged_cases_dedupe\` (\`dedupe_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`flagged_case_events\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`case_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(32) NOT NULL, \`actor\` varchar(200) NOT NULL, \`detail\` text NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`idx_flagged_case_events_case\` (\`case_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`flagged_case_events\``);
    await queryRunner.query(`DROP TABLE \`flagged_cases\``);
    await queryRunner.query(`DROP TABLE \`inspection_trail\``);
  }
}
