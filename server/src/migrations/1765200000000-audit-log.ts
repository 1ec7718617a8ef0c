import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of exports and of phones read in clear: append-only, each entry chained to the one
 * before by its hash. The server only inserts and selects it; the database user may be granted no more.
 */
export class AuditLog1765200000000 implements MigrationInterface {
  name = 'AuditLog1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_log\` (\`seq\` bigint NOT NULL, \`at\` datetime(3) NOT NULL, \`actor\` varchar(200) NOT NULL, \`action\` varchar(32) NOT NULL, \`resource\` varchar(100) NOT NULL, \`filter\` text NOT NULL, \`purpose\` varchar(300) NULL, \`row_count\` int NULL, \`address\` varchar(100) NULL, \`prev_hash\` char(64) NOT NULL, \`hash\` char(64) NOT NULL, INDEX \`idx_audit_log_at\` (\`at\`), INDEX \`idx_audit_log_actor\` (\`actor\`, \`seq\`), PRIMARY KEY (\`seq\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `audit_log`');
  }
}
