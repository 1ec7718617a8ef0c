import type { MigrationInterface, QueryRunner } from 'typeorm';

/** On site: check-ins, findings and documents, and each plan's check-in, finish and late-code deadline. */
export class Onsite1764050000000 implements MigrationInterface {
  name = 'Onsite1764050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`checkins\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`officer_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`user_id\` int NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`at\` datetime(3) NOT NULL, \`received_at\` datetime(3) NOT NULL, \`latitude\` decimal(9,6) NULL, \`longitude\` decimal(9,6) NULL, \`client_key\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, INDEX \`idx_checkins_plan\` (\`plan_id\`, \`at\`), UNIQUE INDEX \`uq_checkins_client_key\` (\`user_id\`, \`client_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`findings\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`item_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`outcome\` varchar(10) NOT NULL, \`rectify_by\` char(10) NULL, \`note\` varchar(2000) NULL, \`recorded_by\` int NOT NULL, \`at\` datetime(3) NOT NULL, \`client_key\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, INDEX \`idx_findings_plan\` (\`plan_id\`, \`id\`), UNIQUE INDEX \`uq_findings_client_key\` (\`recorded_by\`, \`client_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`inspection_documents\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(20) NOT NULL, \`doc_no\` varchar(64) NULL, \`title\` varchar(200) NOT NULL, \`file_name\` varchar(255) NOT NULL, \`content_type\` varchar(64) NOT NULL, \`size_bytes\` int NOT NULL, \`sha256\` char(64) NOT NULL, \`storage_key\` varchar(200) COLLATE "utf8mb4_bin" NOT NULL, \`uploaded_by\` int NOT NULL, \`uploaded_at\` datetime(3) NOT NULL, \`client_key\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, INDEX \`idx_inspection_documents_plan\` (\`plan_id\`, \`uploaded_at\`), UNIQUE INDEX \`uq_inspection_documents_client_key\` (\`uploaded_by\`, \`client_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`ALTER TABLE \`plans\` ADD \`checked_in_at\` datetime(3) NULL`);
    await queryRunner.query(`CREATE INDEX \`idx_plans_lead\` ON \`plans\` (\`lead_plan_id\`)`);
    await queryRunner.query(`ALTER TABLE \`plans\` ADD \`finished_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`plans\` ADD \`code_due_at\` datetime(3) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`plans\` DROP COLUMN \`code_due_at\``);
    await queryRunner.query(`ALTER TABLE \`plans\` DROP COLUMN \`finished_at\``);
    await queryRunner.query(`DROP INDEX \`idx_plans_lead\` ON \`plans\``);
    await queryRunner.query(`ALTER TABLE \`plans\` DROP COLUMN \`checked_in_at\``);
    await queryRunner.query(`DROP TABLE \`inspection_documents\``);
    await queryRunner.query(`DROP TABLE \`findings\``);
    await queryRunner.query(`DROP TABLE \`checkins\``);
  }
}
