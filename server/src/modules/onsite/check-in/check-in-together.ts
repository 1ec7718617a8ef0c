import { Inject, Injectable, Logger } from '@nestjs/common';
import { addDays } from '@mashang/shared';
import { Batcher } from '../../../infra/batching/batcher.js';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import type { ScriptedTransaction, Statement } from '../../../infra/database/multi-statement-pool.js';
import { JobName } from '../../../infra/queues/queues.js';
import { JobOutbox, outboxJob } from '../../outbox/index.js';
import { PlanProgressRepository, type PlanArrival, type PlanMatchRow } from '../../plans/index.js';
import { EnterpriseRepository, OfficerRepository, type LockedEnterprise } from '../../registry/index.js';
import { TrailRepository } from '../../trail/index.js';
import { CheckinRepository } from '../checkin.repository.js';
import { isDuplicateKey } from '../client-key.js';
import { admitInBatch, arrivalsToMark, checkinWrite, matchRowsByCheckIn, trailTails, type Admitted, type CheckinAttempt, type CheckinWrite } from './check-in-matching.js';

/**
 * Check-ins arriving together are admitted and written together, in one transaction of two round
 * trips. The first locks the scanned enterprises — every change to an enterprise's plans takes that
 * lock first (filing, moving, cancelling, coding, finishing), so what is read next stays true until
 * commit — and reads their names, their plans and the plans' trail tails. The second records the
 * admitted check-ins with multi-row statements and commits. A check-in the batch does not admit (a
 * refusal, a lock-out, a replayed key, a trail appended to meanwhile) comes back null and is judged alone.
 */
@Injectable()
export class CheckInTogether {
  private readonly logger = new Logger(CheckInTogether.name);
  private readonly batches = new Batcher<CheckinAttempt, Admitted | null>((batch) => this.admitTogether(batch), 200, 6);
  /** The tail of each matched plan's trail, read with the match to chain the check-ins' entries onto. */
  private readonly trailTail: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CheckinRepository) private readonly checkins: CheckinRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(JobOutbox) private readonly outbox: JobOutbox,
  ) {
    this.trailTail = trail.tailExpression('p.id');
  }

  /** The check-in's admission, written; or null when it is to be judged alone. */
  submit(attempt: CheckinAttempt): Promise<Admitted | null> {
    return this.batches.submit(attempt);
  }

  private async admitTogether(batch: CheckinAttempt[]): Promise<(Admitted | null)[]> {
    const creditCodes = [...new Set(batch.map((a) => a.input.creditCode))].sort();
    const days = batch.map((a) => a.day).sort();
    const officerIds = [...new Set(batch.map((a) => a.officerId))];
    const hours = this.config.onsite.emergencyCodeHours;
    return this.checkins.scriptedTransaction(async (tx) => {
      const [locked, matched, certificates] = await tx.run([
        this.enterprises.lockStatement(creditCodes),
        this.plans.checkInMatchStatement({ officerIds, creditCodes, from: addDays(days[0], -7), to: addDays(days[days.length - 1], 7) }, this.trailTail),
        this.officers.certificateExpiriesStatement(officerIds),
      ]);
      const rows = matched as PlanMatchRow[];
      const rowsOf = matchRowsByCheckIn(rows, new Map((locked as LockedEnterprise[]).map((e) => [e.credit_code, e.name])));
      const expiries = new Map((certificates as { id: string; cert_expires: string }[]).map((o) => [o.id, o.cert_expires]));
      const admitted = batch.map((a) => admitInBatch(a, rowsOf(a.officerId, a.input.creditCode, a.day), expiries.get(a.officerId) ?? null, hours));
      const writes = batch.flatMap((a, i) => (admitted[i] ? [checkinWrite(a, admitted[i])] : []));
      if (writes.length) await this.record(tx, writes, arrivalsToMark(admitted, writes), rows);
      return admitted;
    }).catch((error: { code?: string; message?: string }) => {
      // A replayed key is expected (its owner hears "already recorded"); anything else is worth a line in the log.
      if (!isDuplicateKey(error)) this.logger.warn(`${batch.length} check-ins written one by one after: ${error.code ?? error.message}`);
      return batch.map(() => null);
    });
  }

  /**
   * The second round trip: the plans' first arrivals, the check-ins and their trail entries chained onto
   * the tails read, and the deadline jobs of emergencies first arrived at (rare: no statement otherwise); then commit.
   */
  private async record(tx: ScriptedTransaction, writes: CheckinWrite[], arrivals: PlanArrival[], rows: PlanMatchRow[]): Promise<void> {
    const markArrivals = this.plans.markArrivalsStatement(arrivals);
    const deadlines = this.outbox.statement(writes.flatMap((w) => (w.deadline ? [outboxJob(JobName.EmergencyCodeDeadline, w.deadline, new Date(w.deadline.deadline))] : [])));
    const statements: Statement[] = [
      ...(markArrivals ? [markArrivals] : []),
      this.checkins.insertStatement(writes.map((w) => w.checkin)),
      this.trail.appendChainedStatement(writes.map((w) => w.trail), trailTails(rows)),
      ...(deadlines ? [deadlines] : []),
    ];
    await tx.commit(statements);
    if (deadlines) this.outbox.committed();
  }
}
