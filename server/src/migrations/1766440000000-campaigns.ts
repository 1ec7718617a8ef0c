import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 专项检查: special campaigns (scope, period, the agencies that join, approval and publication) and
 * the campaign a plan is filed under; a campaign's progress counts its plans by that index.
 */
export class Campaigns1766440000000 implements MigrationInterface {
  name = 'Campaigns1766440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`campaigns\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`name\` varchar(200) NOT NULL, \`summary\` varchar(2000) NOT NULL, \`status\` varchar(12) NOT NULL, \`owner_agency_id\` varchar(64) COLLATE "utf8mb4_bin" NULL, \`industries\` text NOT NULL, \`region_prefixes\` text NOT NULL, \`item_ids\` text NOT NULL, \`period_from\` char(10) NOT NULL, \`period_to\` char(10) NOT NULL, \`decision_note\` varchar(500) NULL, \`created_at\` datetime(3) NOT NULL, \`created_by\` varchar(200) NOT NULL, \`submitted_at\` datetime(3) NULL, \`approved_at\` datetime(3) NULL, \`publish_due\` char(10) NULL, \`published_at\` datetime(3) NULL, INDEX \`idx_campaigns_status\` (\`status\`, \`created_at\`), INDEX \`idx_campaigns_owner\` (\`owner_agency_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`campaign_agencies\` (\`campaign_id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`agency_id\` varchar(64) COLLATE "utf8mb4_bin" NOT NULL, INDEX \`idx_campaign_agencies_agency\` (\`agency_id\`), PRIMARY KEY (\`campaign_id\`, \`agency_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query('ALTER TABLE `plans` ADD `campaign_id` varchar(36) COLLATE "utf8mb4_bin" NULL');
    await queryRunner.query('CREATE INDEX `idx_plans_campaign` ON `plans` (`campaign_id`, `status`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_plans_campaign` ON `plans`');
    await queryRunner.query('ALTER TABLE `plans` DROP COLUMN `campaign_id`');
    await queryRunner.query('DROP TABLE `campaign_agencies`');
    await queryRunner.query('DROP TABLE `campaigns`');
  }
}
