import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Why an enterprise session ended before its time. */
export type EnterpriseSessionEndReason = 'sign-out' | 'contact-removed';

/**
 * A signed-in enterprise (the enterprise's port): one per sign-in, named by its token (`jti`). It speaks
 * for the enterprise and for the phone that signed in (its blind index), never for a user: no role, and
 * no officer or desk endpoint accepts it.
 */
@Entity('enterprise_sessions')
@Index('idx_enterprise_sessions_contact', ['creditCode', 'phoneIndex', 'expiresAt'])
export class EnterpriseSessionRow {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** The blind index of the phone that signed in (see PhoneCipher.index). */
  @Column({ name: 'phone_index', type: 'char', length: 64, collation: 'utf8mb4_bin' })
  phoneIndex: string;

  /** sms | wechat */
  @Column({ type: 'varchar', length: 8 })
  method: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 16, nullable: true })
  endReason: EnterpriseSessionEndReason | null;
}
