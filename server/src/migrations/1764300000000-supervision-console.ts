import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Supervision console: closing time and paging indexes on flagged cases, case attachments, enterprise credit records. */
export class SupervisionConsole1764300000000 implements MigrationInterface {
  name = 'SupervisionConsole1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`flagged_case_attachments\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`case_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`name\` varchar(200) NOT NULL, \`mime\` varchar(100) NOT NULL, \`size\` int NOT NULL, \`sha256\` char(64) NOT NULL, \`content\` mediumblob NOT NULL, \`uploaded_by\` varchar(200) NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`idx_flagged_case_attachments_case\` (\`case_id\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`enterprise_credit_records\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(32) NOT NULL, \`case_id\` varchar(36) COLLATE "utf8mb4_bin" NULL, \`note\` varchar(1000) NOT NULL, \`actor\` varchar(200) NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`idx_enterprise_credit_records_enterprise\` (\`credit_code\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`ALTER TABLE \`flagged_cases\` ADD \`closed_at\` datetime(3) NULL`);
    await queryRunner.query(`CREATE INDEX \`idx_flagged_cases_status_deadline\` ON \`flagged_cases\` (\`status\`, \`deadline\`, \`created_at\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_flagged_cases_deadline\` ON \`flagged_cases\` (\`deadline\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_flagged_cases_created\` ON \`flagged_cases\` (\`created_at\`, \`id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_flagged_cases_created\` ON \`flagged_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_flagged_cases_deadline\` ON \`flagged_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_flagged_cases_status_deadline\` ON \`flagged_cases\``);
    await queryRunner.query(`ALTER TABLE \`flagged_cases\` DROP COLUMN \`closed_at\``);
    await queryRunner.query(`DROP TABLE \`enterprise_credit_records\``);
    await queryRunner.query(`DROP TABLE \`flagged_case_attachments\``);
  }
}
