import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ServiceUnavailableError, unavailableDependency, within, type Dependency } from '../../infra/errors/unavailable.js';
import { JobQueue } from '../../infra/queues/job-queue.js';
import type { JobName } from '../../infra/queues/queues.js';
import { JobOutboxRepository, type ClaimedRow } from './job-outbox.repository.js';
import { RELAY, retryInSeconds, waitAfterFailures } from './relay-pacing.js';

/** What a round did: how many rows it took, or which dependency it could not reach. */
type RoundOutcome = { taken: number } | { away: Dependency };

/**
 * Hands the outbox's jobs to Bull, in every server process. Woken when a transaction that recorded
 * jobs commits (in this process) and when Redis comes back; a short poll catches the rest. Each job
 * keeps the id its row carries, and Bull adds nothing for an id it holds, so a relay that dies between
 * queuing and marking (its lease runs out, another relays the rows again) queues nothing twice; the
 * jobs' handlers are idempotent besides. While Redis is away the rows wait, and nothing waits on them.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobOutbox');
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private waitingFor: Dependency | null = null;
  private lastPurge = 0;
  private stopListening = () => {};

  constructor(
    @Inject(JobOutboxRepository) private readonly rows: JobOutboxRepository,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.stopListening = this.jobs.onConnected(() => this.wake());
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stopListening();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Relays what is due now: a round starts, or the one under way goes round again. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.rounds().finally(() => {
      this.running = null;
    });
  }

  private async rounds(): Promise<void> {
    let next: number = RELAY.pollMs;
    try {
      for (;;) {
        this.again = false;
        const outcome = await this.round();
        if ('away' in outcome) {
          this.failures += 1;
          next = waitAfterFailures(this.failures);
          break;
        }
        this.failures = 0;
        if (this.waitingFor && (this.waitingFor === 'database' || this.jobs.connected())) {
          this.logger.log(`${this.waitingFor === 'redis' ? 'Redis' : 'the database'} answers again: relaying the jobs recorded meanwhile`);
          this.waitingFor = null;
        }
        if (this.stopped || (outcome.taken < RELAY.batch && !this.again)) break;
      }
      await this.purgeNowAndThen();
    } finally {
      if (!this.stopped) {
        this.timer = setTimeout(() => this.wake(), next);
        this.timer.unref();
      }
    }
  }

  /** Takes the due rows, queues their jobs, marks them relayed; gives back what Bull did not take. */
  private async round(): Promise<RoundOutcome> {
    const connected = this.jobs.connected();
    let claimed: ClaimedRow[];
    const token = randomUUID();
    try {
      const due = await this.rows.dueIds(connected ? RELAY.batch : 1);
      // Redis away matters only when jobs wait (a process starting up is still connecting).
      if (due.length && !connected) return this.away('redis');
      claimed = await this.rows.claim(due, token, RELAY.leaseSeconds);
    } catch (error) {
      return this.failed(error);
    }
    const byName = new Map<string, ClaimedRow[]>();
    for (const row of claimed) byName.set(row.jobName, [...(byName.get(row.jobName) ?? []), row]);
    for (const [name, rows] of byName) {
      const ids = rows.map((r) => r.id);
      try {
        const now = Date.now();
        const jobs = rows.map((r) => ({ payload: JSON.parse(r.payload) as never, ...(r.runAt ? { delay: r.runAt.getTime() - now } : {}) }));
        await within(this.jobs.addMany(name as JobName, jobs), RELAY.addTimeoutMs, () => new ServiceUnavailableError('redis'));
      } catch (error) {
        const redisAway = !this.jobs.connected() || unavailableDependency(error) === 'redis';
        const retryIn = redisAway ? 0 : retryInSeconds(Math.max(...rows.map((r) => r.attempts)));
        await this.rows.release(ids, token, retryIn, (error as Error).message).catch(() => undefined);
        if (redisAway) return this.away('redis', error);
        this.logger.warn(`${rows.length} ${name} job(s) refused by the queue, tried again in ${retryIn} s: ${(error as Error).message}`);
        continue;
      }
      // Should this fail, the lease runs out and the rows are relayed again: Bull takes nothing twice.
      await this.rows.markRelayed(ids).catch((error: Error) => this.logger.warn(`${ids.length} ${name} job(s) queued, not yet marked: ${error.message}`));
    }
    return { taken: claimed.length };
  }

  private failed(error: unknown): RoundOutcome {
    const dependency = unavailableDependency(error);
    if (dependency) return this.away(dependency, error);
    this.logger.error(`relaying jobs: ${(error as Error).stack ?? String(error)}`);
    return { away: 'database' };
  }

  private away(dependency: Dependency, error?: unknown): RoundOutcome {
    if (this.waitingFor !== dependency) {
      this.waitingFor = dependency;
      this.logger.warn(`${dependency === 'redis' ? 'Redis' : 'the database'} out of reach: jobs wait in the outbox${error ? ` (${(error as Error).message})` : ''}`);
    }
    return { away: dependency };
  }

  private async purgeNowAndThen(): Promise<void> {
    if (this.stopped || Date.now() - this.lastPurge < RELAY.purgeEveryMs) return;
    this.lastPurge = Date.now();
    await this.rows.purgeRelayed(RELAY.keepDays, RELAY.purgeBatch).catch((error: Error) => this.logger.warn(`purging relayed jobs: ${error.message}`));
  }
}
