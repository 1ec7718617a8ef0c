import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Joint-supervision scenarios, review requests (异议复查) with their history, and plans' reasons for going alone. */
export class ScenariosAndReviews1763900000000 implements MigrationInterface {
  name = 'ScenariosAndReviews1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`joint_scenarios\` (\`id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`name\` varchar(200) NOT NULL, \`industries\` varchar(1000) NOT NULL, \`agency_ids\` varchar(1000) COLLATE "utf8mb4_bin" NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), \`updated_at\` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`review_requests\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`inspection_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`reason\` varchar(1000) NOT NULL, \`status\` varchar(10) NOT NULL, \`requested_by\` int NOT NULL, \`requested_at\` datetime(3) NOT NULL, INDEX \`idx_review_requests_status\` (\`status\`, \`requested_at\`), INDEX \`idx_review_requests_subject\` (\`credit_code\`, \`agency_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`review_events\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`review_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(10) NOT NULL, \`actor\` varchar(200) NOT NULL, \`note\` varchar(1000) NULL, \`at\` datetime(3) NOT NULL, INDEX \`idx_review_events_review\` (\`review_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`ALTER TABLE \`plans\` ADD \`alone_reason\` varchar(500) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`plans\` DROP COLUMN \`alone_reason\``);
    await queryRunner.query(`DROP TABLE \`review_events\``);
    await queryRunner.query(`DROP TABLE \`review_requests\``);
    await queryRunner.query(`DROP TABLE \`joint_scenarios\``);
  }
}
