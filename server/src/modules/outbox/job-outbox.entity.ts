import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job a write must cause, recorded in the write's own transaction and handed to Bull by the relay.
 * `job_id` is the job's Bull id (one row per job); a row stays until a week after it was relayed.
 */
@Entity('job_outbox')
@Index('uq_job_outbox_job', ['jobId'], { unique: true })
@Index('idx_job_outbox_pending', ['relayedAt', 'availableAt'])
export class JobOutboxEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'job_name', type: 'varchar', length: 64 })
  jobName: string;

  @Column({ name: 'job_id', type: 'varchar', length: 191, collation: 'utf8mb4_bin' })
  jobId: string;

  /** The job's payload as JSON. */
  @Column({ type: 'text' })
  payload: string;

  /** When a delayed job is due (Bull delays it until then); null for a job due at once. */
  @Column({ name: 'run_at', type: 'datetime', precision: 3, nullable: true })
  runAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** When a relay may next take the row: now for a new row, the end of a claim's lease, or a retry's backoff. */
  @Column({ name: 'available_at', type: 'datetime', precision: 3 })
  availableAt: Date;

  /** The token of the relay round that holds the row. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claim: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'relayed_at', type: 'datetime', precision: 3, nullable: true })
  relayedAt: Date | null;
}
