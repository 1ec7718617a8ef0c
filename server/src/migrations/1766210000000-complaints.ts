import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 码上响应: complaints from the enterprise's page, the public form and 12345 tickets, each with its flagged case. */
export class Complaints1766210000000 implements MigrationInterface {
  name = 'Complaints1766210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`complaints\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`channel\` varchar(8) NOT NULL, \`ticket_no\` varchar(40) COLLATE "utf8mb4_bin" NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`phone_cipher\` varchar(128) NOT NULL, \`phone_index\` char(64) COLLATE "utf8mb4_bin" NOT NULL, \`contact_registered\` tinyint NOT NULL, \`content\` text NOT NULL, \`inspection_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`received_at\` datetime(3) NOT NULL, \`deadline\` char(10) NOT NULL, \`flagged_case_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`actor\` varchar(200) NOT NULL, \`outcome_sent_at\` datetime(3) NULL, INDEX \`idx_complaints_case\` (\`flagged_case_id\`), INDEX \`idx_complaints_enterprise\` (\`credit_code\`, \`received_at\`), UNIQUE INDEX \`uq_complaints_ticket\` (\`ticket_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `complaints`');
  }
}
