import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One SMS rating invite per finished (joint) inspection. The link token and the rating code are
 * derived from the id with the server's key and never stored: only their hashes, for look-up.
 */
@Entity('rating_invites')
@Index('uq_rating_invites_group', ['groupId'], { unique: true })
@Index('uq_rating_invites_token', ['tokenHash'], { unique: true })
@Index('uq_rating_invites_code', ['codeHash'], { unique: true })
@Index('idx_rating_invites_enterprise', ['creditCode', 'createdAt'])
export class RatingInvite {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  /** The lead plan's id: the finished inspection (joint or not). */
  @Column({ name: 'group_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  groupId: string;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** The enterprise's phone when invited (encrypted); null when none was on file and nothing is sent. */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 128, nullable: true })
  phoneCipher: string | null;

  /** The phone's blind index (PhoneCipher.index): delivery receipts find the message by it. */
  @Column({ name: 'phone_index', type: 'char', length: 64, collation: 'utf8mb4_bin', nullable: true })
  phoneIndex: string | null;

  /** link | code, fixed when invited. */
  @Column({ type: 'varchar', length: 8 })
  mode: string;

  @Column({ name: 'token_hash', type: 'char', length: 64, collation: 'utf8mb4_bin' })
  tokenHash: string;

  /** Code mode only. */
  @Column({ name: 'code_hash', type: 'char', length: 64, collation: 'utf8mb4_bin', nullable: true })
  codeHash: string | null;

  /** Bumped when a derived code collides with another invite's. */
  @Column({ name: 'code_seq', type: 'tinyint', default: 0 })
  codeSeq: number;

  /** YYYY-MM-DD, Asia/Shanghai: the day the officers checked in. */
  @Column({ name: 'inspection_date', type: 'char', length: 10 })
  inspectionDate: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;
}

/** The agencies an invite asks about: one inspection record each, rated once. */
@Entity('rating_invite_agencies')
@Index('idx_rating_invite_agencies_agency', ['agencyId'])
export class RatingInviteAgency {
  @PrimaryColumn({ name: 'invite_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  inviteId: string;

  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  inspectionId: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  agencyId: string;

  /** The lead agency first. */
  @Column({ type: 'smallint' })
  position: number;
}

/** One SMS of an invite: the invite itself, and the reminder if it is still unrated. */
@Entity('sms_messages')
@Index('uq_sms_messages_invite_kind', ['inviteId', 'kind'], { unique: true })
@Index('idx_sms_messages_provider_id', ['provider', 'providerMessageId'])
@Index('idx_sms_messages_status', ['status', 'queuedAt'])
export class SmsMessage {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'invite_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  inviteId: string;

  /** invite | reminder */
  @Column({ type: 'varchar', length: 10 })
  kind: string;

  /** outbox | aliyun | tencent: who took (or was to take) it. */
  @Column({ type: 'varchar', length: 16 })
  provider: string;

  /** queued | accepted | delivered | undelivered | failed | skipped */
  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  /** Aliyun BizId or Tencent SerialNo, for matching delivery receipts. */
  @Column({ name: 'provider_message_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin', nullable: true })
  providerMessageId: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Column({ name: 'error_message', type: 'varchar', length: 300, nullable: true })
  errorMessage: string | null;

  @Column({ name: 'queued_at', type: 'datetime', precision: 3 })
  queuedAt: Date;

  /** When it is due: a reminder waits until then. */
  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ name: 'accepted_at', type: 'datetime', precision: 3, nullable: true })
  acceptedAt: Date | null;

  /** When the delivery receipt arrived. */
  @Column({ name: 'reported_at', type: 'datetime', precision: 3, nullable: true })
  reportedAt: Date | null;

  /** When it failed for good or was skipped. */
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;
}

/** What the local outbox provider "sent": kept for the local demo, nothing leaves the machine. */
@Entity('sms_outbox')
@Index('idx_sms_outbox_message', ['messageId'])
export class SmsOutboxEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'message_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  messageId: string;

  /** Encrypted like every stored phone; shown masked. */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 128 })
  phoneCipher: string;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Column({ type: 'varchar', length: 300 })
  link: string;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3 })
  sentAt: Date;
}
