import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exchange format v1.1: officers carry the last day their certificate is valid (`certExpires`,
 * optional). And the registers store what the format lets in: an agency's `kind` up to 64 characters,
 * an enterprise's `industry` up to 200 — narrower columns let a valid import fail at the write.
 */
export class ExchangeFormatV111764910000000 implements MigrationInterface {
  name = 'ExchangeFormatV111764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `officers` ADD `cert_expires` char(10) NULL');
    await queryRunner.query('ALTER TABLE `agencies` MODIFY `kind` varchar(64) NOT NULL');
    await queryRunner.query('ALTER TABLE `enterprises` MODIFY `industry` varchar(200) NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `enterprises` MODIFY `industry` varchar(64) NOT NULL');
    await queryRunner.query('ALTER TABLE `agencies` MODIFY `kind` varchar(32) NOT NULL');
    await queryRunner.query('ALTER TABLE `officers` DROP COLUMN `cert_expires`');
  }
}
