import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The job outbox: jobs a write causes, recorded in its transaction and handed to Bull by a relay. */
export class JobOutbox1765500000000 implements MigrationInterface {
  name = 'JobOutbox1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`job_outbox\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`job_name\` varchar(64) NOT NULL, \`job_id\` varchar(191) COLLATE "utf8mb4_bin" NOT NULL, \`payload\` text NOT NULL, \`run_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`available_at\` datetime(3) NOT NULL, \`claim\` varchar(36) NULL, \`attempts\` int NOT NULL DEFAULT 0, \`last_error\` varchar(500) NULL, \`relayed_at\` datetime(3) NULL, UNIQUE INDEX \`uq_job_outbox_job\` (\`job_id\`), INDEX \`idx_job_outbox_pending\` (\`relayed_at\`, \`available_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`job_outbox\``);
  }
}
