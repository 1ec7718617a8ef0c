import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SMS evaluation: rating invites (one per finished inspection) with their agencies, the SMS sent for them, and the local outbox. */
export class SmsEvaluation1764200000000 implements MigrationInterface {
  name = 'SmsEvaluation1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`rating_invites\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`group_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`phone_cipher\` varchar(128) NULL, \`mode\` varchar(8) NOT NULL, \`token_hash\` char(64) COLLATE "utf8mb4_bin" NOT NULL, \`code_hash\` char(64) COLLATE "utf8mb4_bin" NULL, \`code_seq\` tinyint NOT NULL DEFAULT '0', \`inspection_date\` char(10) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, INDEX \`idx_rating_invites_enterprise\` (\`credit_code\`, \`created_at\`), UNIQUE INDEX \`uq_rating_invites_code\` (\`code_hash\`), UNIQUE INDEX \`uq_rating_invites_token\` (\`token_hash\`), UNIQUE INDEX \`uq_rating_invites_group\` (\`group_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`rating_invite_agencies\` (\`invite_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`inspection_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`position\` smallint NOT NULL, INDEX \`idx_rating_invite_agencies_agency\` (\`agency_id\`), PRIMARY KEY (\`invite_id\`, \`inspection_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`sms_messages\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`invite_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(10) NOT NULL, \`provider\` varchar(16) NOT NULL, \`status\` varchar(12) NOT NULL, \`attempts\` smallint NOT NULL DEFAULT '0', \`provider_message_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`error_code\` varchar(64) NULL, \`error_message\` varchar(300) NULL, \`queued_at\` datetime(3) NOT NULL, \`due_at\` datetime(3) NOT NULL, \`accepted_at\` datetime(3) NULL, \`reported_at\` datetime(3) NULL, \`closed_at\` datetime(3) NULL, INDEX \`idx_sms_messages_status\` (\`status\`, \`queued_at\`), INDEX \`idx_sms_messages_provider_id\` (\`provider\`, \`provider_message_id\`), UNIQUE INDEX \`uq_sms_messages_invite_kind\` (\`invite_id\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`sms_outbox\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`message_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`phone_cipher\` varchar(128) NOT NULL, \`text\` varchar(500) NOT NULL, \`link\` varchar(300) NOT NULL, \`sent_at\` datetime(3) NOT NULL, INDEX \`idx_sms_outbox_message\` (\`message_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`sms_outbox\``);
    await queryRunner.query(`DROP TABLE \`sms_messages\``);
    await queryRunner.query(`DROP TABLE \`rating_invite_agencies\``);
    await queryRunner.query(`DROP TABLE \`rating_invites\``);
  }
}
