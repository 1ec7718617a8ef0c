import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The register's industries, read grouped from an index (the console's joint-supervision scenarios name them). */
export class EnterpriseIndustries1766300000000 implements MigrationInterface {
  name = 'EnterpriseIndustries1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `idx_enterprises_industry` ON `enterprises` (`industry`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_enterprises_industry` ON `enterprises`');
  }
}
