import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Inspection plans (事前报备), their officers and items, their append-only history, and inspection codes. */
export class Plans1763800000000 implements MigrationInterface {
  name = 'Plans1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`plans\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`code\` varchar(32) COLLATE "utf8mb4_bin" NOT NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`planned_date\` char(10) NOT NULL, \`trigger_type\` varchar(16) NOT NULL, \`reason\` varchar(500) NULL, \`status\` varchar(12) NOT NULL, \`filed_at\` datetime(3) NOT NULL, \`filed_by\` int NOT NULL, \`lead_plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`inspection_date\` char(10) NOT NULL, INDEX \`idx_plans_agency_date\` (\`agency_id\`, \`planned_date\`), INDEX \`idx_plans_enterprise_status\` (\`credit_code\`, \`status\`), UNIQUE INDEX \`uq_plans_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`plan_events\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`plan_id\` varchar(36) COLLATE "utf8mb4_bin" NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`kind\` varchar(12) NOT NULL, \`actor\` varchar(200) NOT NULL, \`detail\` text NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`idx_plan_events_enterprise\` (\`credit_code\`, \`id\`), INDEX \`idx_plan_events_plan\` (\`plan_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`plan_officers\` (\`plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`officer_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`position\` smallint NOT NULL, INDEX \`idx_plan_officers_officer\` (\`officer_id\`), PRIMARY KEY (\`plan_id\`, \`officer_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`plan_items\` (\`plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`item_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`position\` smallint NOT NULL, PRIMARY KEY (\`plan_id\`, \`item_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`inspection_codes\` (\`token\` varchar(32) COLLATE "utf8mb4_bin" NOT NULL, \`lead_plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`issued_at\` datetime(3) NOT NULL, \`issued_by\` int NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`revoked_at\` datetime(3) NULL, INDEX \`idx_inspection_codes_lead\` (\`lead_plan_id\`), PRIMARY KEY (\`token\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`inspection_codes\``);
    await queryRunner.query(`DROP TABLE \`plan_items\``);
    await queryRunner.query(`DROP TABLE \`plan_officers\``);
    await queryRunner.query(`DROP TABLE \`plan_events\``);
    await queryRunner.query(`DROP TABLE \`plans\``);
  }
}
