import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import type { Statement } from '../../infra/database/multi-statement-pool.js';
import type { Tx } from '../../infra/database/tx.js';
import { jobId } from '../../infra/queues/jobs.js';
import type { JobName, JobPayloads } from '../../infra/queues/queues.js';
import { JobOutboxRepository, type OutboxRow } from './job-outbox.repository.js';
import { OutboxRelay } from './outbox-relay.js';

/** A job a write causes: its name, payload and, for a delayed job, when it is due. */
export interface OutboxJob<N extends JobName = JobName> {
  name: N;
  payload: JobPayloads[N];
  runAt?: Date;
}

export function outboxJob<N extends JobName>(name: N, payload: JobPayloads[N], runAt?: Date): OutboxJob {
  return { name, payload, runAt } as OutboxJob;
}

/** Marks a transaction whose commit must wake the relay. */
const RECORDED_JOBS = 'jobOutbox.recorded';

/**
 * The job outbox: every job a write must cause is recorded in the write's own transaction and handed
 * to Bull by the relay once it commits, so a write never waits for Redis and no job is lost with it.
 */
@Injectable()
export class JobOutbox implements EntitySubscriberInterface {
  constructor(
    @Inject(JobOutboxRepository) private readonly rows: JobOutboxRepository,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @InjectDataSource() dataSource: DataSource,
  ) {
    // Told of every commit (afterTransactionCommit), to wake the relay after those that recorded jobs.
    dataSource.subscribers.push(this);
  }

  /** Records jobs in the caller's transaction; the relay queues them once it commits. */
  async add(jobs: OutboxJob[], tx: Tx): Promise<void> {
    if (!jobs.length) return;
    await this.rows.insert(jobs.map(toRow), tx);
    const runner = tx.queryRunner;
    if (runner?.isTransactionActive) runner.data[RECORDED_JOBS] = true;
    else this.relay.wake();
  }

  /** The same for a scripted transaction (multi-statement pool): call `committed` after its commit. */
  statement(jobs: OutboxJob[]): Statement | null {
    return jobs.length ? this.rows.insertStatement(jobs.map(toRow)) : null;
  }

  /** A scripted transaction carrying `statement` has committed. */
  committed(): void {
    this.relay.wake();
  }

  backlog(): Promise<{ pending: number; oldestSeconds: number | null }> {
    return this.rows.backlog();
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // A savepoint's release is reported too: only the outermost commit counts.
    if (queryRunner.isTransactionActive || !queryRunner.data?.[RECORDED_JOBS]) return;
    delete queryRunner.data[RECORDED_JOBS];
    this.relay.wake();
  }
}

function toRow({ name, payload, runAt }: OutboxJob): OutboxRow {
  return { jobName: name, jobId: jobId(name, payload), payload: JSON.stringify(payload), runAt: runAt ?? null };
}
