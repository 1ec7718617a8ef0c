import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三色: each agency's list of its items' violation colours (green 首违不罚, yellow 限期整改, red 立案),
 * and on a finding the colour it was classed with and the enterprise it concerns, so an enterprise's
 * earlier violations of an item are found by one index (green holds only for a first offence); the
 * follow-up checks (整改复查) of yellow findings, whose due list reads the yellow findings by deadline.
 */
export class ViolationColours1766420000000 implements MigrationInterface {
  name = 'ViolationColours1766420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `violation_colours` (`item_id` varchar(64) COLLATE utf8mb4_bin NOT NULL, `agency_id` varchar(64) COLLATE utf8mb4_bin NOT NULL, ' +
      '`colour` varchar(6) NOT NULL, `rectify_days` int NOT NULL, `updated_at` datetime(3) NOT NULL, ' +
      'INDEX `idx_violation_colours_agency` (`agency_id`), PRIMARY KEY (`item_id`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `findings` ADD `colour` varchar(6) NULL, ADD `credit_code` char(18) COLLATE utf8mb4_bin NULL');
    await queryRunner.query('CREATE INDEX `idx_findings_offences` ON `findings` (`credit_code`, `item_id`, `plan_id`)');
    await queryRunner.query('CREATE INDEX `idx_findings_colour_due` ON `findings` (`colour`, `rectify_by`)');
    await queryRunner.query(
      'CREATE TABLE `rectification_checks` (`id` bigint NOT NULL AUTO_INCREMENT, `plan_id` varchar(36) COLLATE utf8mb4_bin NOT NULL, ' +
      '`item_id` varchar(64) COLLATE utf8mb4_bin NOT NULL, `rectified` tinyint NOT NULL, `note` varchar(2000) NULL, `recorded_by` int NOT NULL, ' +
      '`at` datetime(3) NOT NULL, `client_key` varchar(64) COLLATE utf8mb4_bin NOT NULL, ' +
      'UNIQUE INDEX `uq_rectification_checks_item` (`plan_id`, `item_id`), UNIQUE INDEX `uq_rectification_checks_client_key` (`recorded_by`, `client_key`), ' +
      'PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `rectification_checks`');
    await queryRunner.query('DROP INDEX `idx_findings_colour_due` ON `findings`');
    await queryRunner.query('DROP INDEX `idx_findings_offences` ON `findings`');
    await queryRunner.query('ALTER TABLE `findings` DROP COLUMN `credit_code`, DROP COLUMN `colour`');
    await queryRunner.query('DROP TABLE `violation_colours`');
  }
}
