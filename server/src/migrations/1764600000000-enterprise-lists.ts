import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The nightly report's short lists of enterprises — low-touch, and by credit grade — read from an index, not a scan of the register. */
export class EnterpriseLists1764600000000 implements MigrationInterface {
  name = 'EnterpriseLists1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `idx_enterprises_low_touch` ON `enterprises` (`low_touch`)');
    await queryRunner.query('CREATE INDEX `idx_enterprises_grade` ON `enterprises` (`credit_grade`, `region`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_enterprises_grade` ON `enterprises`');
    await queryRunner.query('DROP INDEX `idx_enterprises_low_touch` ON `enterprises`');
  }
}
