import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 双随机一公开: random draws, what became of each drawn enterprise, declared conflicts of interest. */
export class RandomDraws1765450000000 implements MigrationInterface {
  name = 'RandomDraws1765450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`draw_conflicts\` (\`officer_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`reason\` varchar(500) NOT NULL, \`declared_at\` datetime(3) NOT NULL, \`declared_by\` varchar(200) NOT NULL, PRIMARY KEY (\`officer_id\`, \`credit_code\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`random_draw_plans\` (\`draw_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`plan_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`refusal\` varchar(500) NULL, PRIMARY KEY (\`draw_id\`, \`credit_code\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`random_draws\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, \`name\` varchar(200) NOT NULL, \`scope\` text NOT NULL, \`period_from\` char(10) NOT NULL, \`period_to\` char(10) NOT NULL, \`status\` varchar(12) NOT NULL, \`nonce\` char(32) NOT NULL, \`commitment\` char(64) NOT NULL, \`inputs\` longtext NOT NULL, \`public_entropy\` varchar(200) NULL, \`seed\` char(64) NULL, \`result\` longtext NULL, \`committed_at\` datetime(3) NOT NULL, \`drawn_at\` datetime(3) NULL, \`created_by\` varchar(200) NOT NULL, INDEX \`idx_random_draws_committed\` (\`committed_at\`), INDEX \`idx_random_draws_agency\` (\`agency_id\`, \`committed_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`random_draws\``);
    await queryRunner.query(`DROP TABLE \`random_draw_plans\``);
    await queryRunner.query(`DROP TABLE \`draw_conflicts\``);
  }
}
