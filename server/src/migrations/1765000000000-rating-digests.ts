import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each rating keeps the random salt of the digest its trail entry carries instead of its content:
 * the digest proves the rating on the hash chain, and only a reader of the rating (a supervisor) can
 * recompute it. Ratings recorded before (or imported) have none; their trail entries hold the content.
 */
export class RatingDigests1765000000000 implements MigrationInterface {
  name = 'RatingDigests1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `ratings` ADD `digest_salt` char(32) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `ratings` DROP COLUMN `digest_salt`');
  }
}
