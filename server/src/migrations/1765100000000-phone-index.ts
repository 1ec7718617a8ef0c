import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rating invites carry their phone's blind index: delivery receipts find a message by it, no longer by
 * the ciphertext (ciphertexts now have random IVs and key versions). Invites made before it get theirs
 * from `npm run cli -- rotate-phones`, which needs the keys a migration does not have.
 */
export class PhoneIndex1765100000000 implements MigrationInterface {
  name = 'PhoneIndex1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `rating_invites` ADD `phone_index` char(64) COLLATE "utf8mb4_bin" NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `rating_invites` DROP COLUMN `phone_index`');
  }
}
