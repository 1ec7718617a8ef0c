import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 非现场监管: a plan is checked on site or off site (evidence asked of the enterprise); the requests,
 * what each asks for per item, and what the enterprise sent.
 */
export class OffsiteChecks1766410000000 implements MigrationInterface {
  name = 'OffsiteChecks1766410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `plans` ADD `mode` varchar(8) NOT NULL DEFAULT 'onsite', ADD `mode_reason` varchar(500) NULL");
    await queryRunner.query(`CREATE TABLE \`offsite_requests\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`status\` varchar(10) NOT NULL, \`round\` int NOT NULL, \`note\` varchar(500) NULL, \`token_hash\` char(64) COLLATE "utf8mb4_bin" NOT NULL, \`requested_at\` datetime(3) NOT NULL, \`requested_by\` int NOT NULL, \`answered_at\` datetime(3) NULL, \`decided_at\` datetime(3) NULL, \`decided_by\` int NULL, \`convert_reason\` varchar(500) NULL, UNIQUE INDEX \`uq_offsite_requests_plan\` (\`plan_id\`), UNIQUE INDEX \`uq_offsite_requests_token\` (\`token_hash\`), INDEX \`idx_offsite_requests_enterprise\` (\`credit_code\`, \`requested_at\`), INDEX \`idx_offsite_requests_agency_status\` (\`agency_id\`, \`status\`, \`requested_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`offsite_request_asks\` (\`request_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`position\` int NOT NULL, \`item_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(10) NOT NULL, \`ask\` varchar(200) NOT NULL, PRIMARY KEY (\`request_id\`, \`position\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`offsite_evidence\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`request_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`position\` int NOT NULL, \`round\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`reading\` varchar(200) NULL, \`file_name\` varchar(255) NULL, \`content_type\` varchar(64) NULL, \`size_bytes\` int NULL, \`sha256\` char(64) NULL, \`storage_key\` varchar(255) COLLATE "utf8mb4_bin" NULL, \`uploaded_at\` datetime(3) NOT NULL, INDEX \`idx_offsite_evidence_request\` (\`request_id\`, \`position\`, \`uploaded_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `offsite_evidence`');
    await queryRunner.query('DROP TABLE `offsite_request_asks`');
    await queryRunner.query('DROP TABLE `offsite_requests`');
    await queryRunner.query('ALTER TABLE `plans` DROP COLUMN `mode_reason`, DROP COLUMN `mode`');
  }
}
