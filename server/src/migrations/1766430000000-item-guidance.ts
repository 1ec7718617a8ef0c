import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The items register's guidance for the compliance booklet (一企一册): the industries an item applies to,
 * its common violations and how to comply. Not in the exchange format: an import leaves them as they are.
 */
export class ItemGuidance1766430000000 implements MigrationInterface {
  name = 'ItemGuidance1766430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE `items` ADD `industries` varchar(1000) NOT NULL DEFAULT '', ADD `common_violations` varchar(2000) NOT NULL DEFAULT '', ADD `compliance_guide` varchar(2000) NOT NULL DEFAULT ''",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `items` DROP COLUMN `compliance_guide`, DROP COLUMN `common_violations`, DROP COLUMN `industries`');
  }
}
