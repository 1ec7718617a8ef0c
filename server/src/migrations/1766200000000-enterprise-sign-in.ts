import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The enterprise's port: enterprise sessions (auth), contacts, WeChat bindings and the port's log of who may act. */
export class EnterpriseSignIn1766200000000 implements MigrationInterface {
  name = 'EnterpriseSignIn1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`enterprise_sessions\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`phone_index\` char(64) COLLATE "utf8mb4_bin" NOT NULL, \`method\` varchar(8) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`ended_at\` datetime(3) NULL, \`end_reason\` varchar(16) NULL, INDEX \`idx_enterprise_sessions_contact\` (\`credit_code\`, \`phone_index\`, \`expires_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`enterprise_contacts\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`phone_cipher\` varchar(128) NOT NULL, \`phone_index\` char(64) COLLATE "utf8mb4_bin" NOT NULL, \`title\` varchar(20) NOT NULL DEFAULT '', \`added_at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_enterprise_contacts_phone\` (\`credit_code\`, \`phone_index\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`enterprise_wechat_bindings\` (\`openid\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`phone_index\` char(64) COLLATE "utf8mb4_bin" NOT NULL, \`bound_at\` datetime(3) NOT NULL, INDEX \`idx_enterprise_wechat_bindings_phone\` (\`credit_code\`, \`phone_index\`), PRIMARY KEY (\`openid\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`enterprise_port_events\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(32) NOT NULL, \`detail\` text NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`idx_enterprise_port_events_enterprise\` (\`credit_code\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `enterprise_port_events`');
    await queryRunner.query('DROP TABLE `enterprise_wechat_bindings`');
    await queryRunner.query('DROP TABLE `enterprise_contacts`');
    await queryRunner.query('DROP TABLE `enterprise_sessions`');
  }
}
