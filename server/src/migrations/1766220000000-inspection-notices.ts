import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 检查预告 and 双向预约: notices sent, half-days booked; plans found by the day of their inspection. */
export class InspectionNotices1766220000000 implements MigrationInterface {
  name = 'InspectionNotices1766220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`inspection_notices\` (\`lead_plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`inspection_date\` char(10) NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`sent_at\` datetime(3) NOT NULL, \`provider_message_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, PRIMARY KEY (\`lead_plan_id\`, \`inspection_date\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`inspection_bookings\` (\`lead_plan_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`day\` char(10) NOT NULL, \`half\` char(2) NOT NULL, \`credit_code\` char(18) COLLATE "utf8mb4_bin" NOT NULL, \`marked_at\` datetime(3) NOT NULL, INDEX \`idx_inspection_bookings_enterprise\` (\`credit_code\`, \`marked_at\`), PRIMARY KEY (\`lead_plan_id\`, \`day\`, \`half\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query('CREATE INDEX `idx_plans_status_inspection_date` ON `plans` (`status`, `inspection_date`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_plans_status_inspection_date` ON `plans`');
    await queryRunner.query('DROP TABLE `inspection_bookings`');
    await queryRunner.query('DROP TABLE `inspection_notices`');
  }
}
