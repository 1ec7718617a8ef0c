import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An officer's arrival at the enterprise (scan in). Several per plan are possible: each officer, each return visit. */
@Entity('checkins')
@Index('uq_checkins_client_key', ['userId', 'clientKey'], { unique: true })
@Index('idx_checkins_plan', ['planId', 'at'])
export class Checkin {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  planId: string;

  @Column({ name: 'officer_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  officerId: string;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin' })
  creditCode: string;

  /** When the officer scanned (the phone's clock for a check-in sent later from an offline queue). */
  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ name: 'received_at', type: 'datetime', precision: 3 })
  receivedAt: Date;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true })
  latitude: string | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true })
  longitude: string | null;

  /** The phone's idempotency key, unique per user: a replayed offline upload records nothing twice. */
  @Column({ name: 'client_key', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  clientKey: string;
}

/** The result of one inspection item (pass / rectify by a deadline / violation). */
@Entity('findings')
@Index('uq_findings_client_key', ['recordedBy', 'clientKey'], { unique: true })
@Index('idx_findings_plan', ['planId', 'id'])
@Index('idx_findings_offences', ['creditCode', 'itemId', 'planId'])
@Index('idx_findings_colour_due', ['colour', 'rectifyBy'])
export class Finding {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  planId: string;

  @Column({ name: 'item_id', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  itemId: string;

  /** pass | rectify | violation */
  @Column({ type: 'varchar', length: 10 })
  outcome: string;

  /** YYYY-MM-DD by which to rectify. */
  @Column({ name: 'rectify_by', type: 'char', length: 10, nullable: true })
  rectifyBy: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'int' })
  recordedBy: number;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ name: 'client_key', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  clientKey: string;

  /** 三色: green | yellow | red, for a violation or rectification classed per the agency's list. */
  @Column({ type: 'varchar', length: 6, nullable: true })
  colour: string | null;

  /** The enterprise, on coloured findings: its earlier violations of an item decide 首违不罚. */
  @Column({ name: 'credit_code', type: 'char', length: 18, collation: 'utf8mb4_bin', nullable: true })
  creditCode: string | null;
}

/** A document of an inspection: its file sits in document storage, addressed by `storageKey`. */
@Entity('inspection_documents')
@Index('uq_inspection_documents_client_key', ['uploadedBy', 'clientKey'], { unique: true })
@Index('idx_inspection_documents_plan', ['planId', 'uploadedAt'])
export class InspectionDocument {
  @PrimaryColumn({ type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36, collation: 'utf8mb4_bin' })
  planId: string;

  /** record (检查记录) | case-filing (立案) | penalty-decision (处罚决定书) | coercive (行政强制) | photo */
  @Column({ type: 'varchar', length: 20 })
  kind: string;

  /** The document's own number (文书编号), when it has one. */
  @Column({ name: 'doc_no', type: 'varchar', length: 64, nullable: true })
  docNo: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 64 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 200, collation: 'utf8mb4_bin' })
  storageKey: string;

  @Column({ name: 'uploaded_by', type: 'int' })
  uploadedBy: number;

  @Column({ name: 'uploaded_at', type: 'datetime', precision: 3 })
  uploadedAt: Date;

  @Column({ name: 'client_key', type: 'varchar', length: 64, collation: 'utf8mb4_bin' })
  clientKey: string;
}
