import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signed-in sessions, so a token can be revoked before it expires (logout, password change, deactivation). */
export class UserSessions1765300000000 implements MigrationInterface {
  name = 'UserSessions1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`user_sessions\` (\`id\` varchar(36) COLLATE "utf8mb4_bin" NOT NULL, \`user_id\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`ended_at\` datetime(3) NULL, \`end_reason\` varchar(16) NULL, INDEX \`idx_user_sessions_user\` (\`user_id\`, \`expires_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`user_sessions\``);
  }
}
