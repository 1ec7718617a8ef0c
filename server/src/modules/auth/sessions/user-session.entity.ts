import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Why a session ended before its time. */
export type SessionEndReason = 'logout' | 'password' | 'deactivated';

/**
 * A signed-in session: each login opens one, and its token names it (`jti`). A token counts only while
 * its session has not ended and its user is active, so logout, a password change and deactivation take
 * effect before the token expires.
 */
@Entity('user_sessions')
@Index('idx_user_sessions_user', ['userId', 'expiresAt'])
export class UserSession {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 16, nullable: true })
  endReason: SessionEndReason | null;
}
