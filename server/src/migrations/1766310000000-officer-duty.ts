import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether an officer is on duty (在岗): one taken off it is offered for no new plan and cannot sign in. */
export class OfficerDuty1766310000000 implements MigrationInterface {
  name = 'OfficerDuty1766310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `officers` ADD `active` tinyint NOT NULL DEFAULT 1');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `officers` DROP COLUMN `active`');
  }
}
