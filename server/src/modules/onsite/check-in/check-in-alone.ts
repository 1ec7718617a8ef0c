import { Inject, Injectable } from '@nestjs/common';
import { addDays, ErrorCode } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { JobName } from '../../../infra/queues/queues.js';
import { JobOutbox, outboxJob } from '../../outbox/index.js';
import { PlanProgressRepository } from '../../plans/index.js';
import { AgencyRepository, EnterpriseRepository, OfficerRepository } from '../../registry/index.js';
import { TrailRepository } from '../../trail/index.js';
import { CheckinRepository } from '../checkin.repository.js';
import { alreadyRecorded } from '../client-key.js';
import { matchCheckIn } from '../onsite-rules.js';
import { admission, checkinWrite, matchRowsByCheckIn, nearbyOnDay, officerPlanCandidate, toCandidates, type Admitted, type CheckInCandidate, type CheckinAttempt, type CheckinWrite } from './check-in-matching.js';

/** One check-in on its own: the match read, then a refusal naming its reason, or the write. */
@Injectable()
export class CheckInAlone {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CheckinRepository) private readonly checkins: CheckinRepository,
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(JobOutbox) private readonly outbox: JobOutbox,
  ) {}

  async checkIn(attempt: CheckinAttempt): Promise<Admitted> {
    const { user, officerId, input, at, day } = attempt;
    const [{ candidates, lockedBy }, officer] = await Promise.all([this.candidates(user.agencyId!, officerId, input.creditCode, day), this.officers.find({ id: officerId })]);
    const match = matchCheckIn({ creditCode: input.creditCode, at, candidates, lockedBy, certExpires: officer?.certExpires ?? null });
    if ('refusal' in match) {
      // A replayed upload is answered as a duplicate, not judged again against a state that has moved on.
      if (await this.checkins.hasKey(user.id, input.clientKey)) throw alreadyRecorded('入企记录');
      throw new DomainError(ErrorCode.RuleRefused, `不能入企检查：${match.refusal.message}`, undefined, [match.refusal]);
    }
    const admitted = admission(attempt, candidates, match, this.config.onsite.emergencyCodeHours);
    await this.record(checkinWrite(attempt, admitted));
    return admitted;
  }

  /**
   * The scanned enterprise's plans within ±7 days, each with whether the officer is on it and its
   * code, from which the day's candidates and any lock-out follow. Only when none is the officer's
   * does a second read look for the officer's plans elsewhere.
   */
  private async candidates(agencyId: string, officerId: string, creditCode: string, day: string): Promise<{ candidates: CheckInCandidate[]; lockedBy: { agencyName: string; date: string } | null }> {
    const [matched, names] = await Promise.all([
      this.plans.checkInMatch({ officerIds: [officerId], creditCodes: [creditCode], from: addDays(day, -7), to: addDays(day, 7) }),
      this.enterprises.namesOf([creditCode]),
    ]);
    const { locking, today } = nearbyOnDay(matchRowsByCheckIn(matched, names)(officerId, creditCode, day), agencyId, day);
    let lockedBy: { agencyName: string; date: string } | null = null;
    if (locking) {
      const agencyNames = await this.agencies.namesOf([locking.agencyId]);
      lockedBy = { agencyName: agencyNames.get(locking.agencyId) ?? locking.agencyId, date: locking.date };
    }
    const candidates = toCandidates(today);
    if (today.some((r) => r.on_plan > 0)) return { lockedBy, candidates };
    const elsewhere = (await this.plans.officerPlansOfDay(officerId, agencyId, day)).filter((p) => p.creditCode !== creditCode);
    const elsewhereNames = await this.enterprises.namesOf(elsewhere.map((p) => p.creditCode));
    return {
      lockedBy,
      candidates: candidates.concat(elsewhere.flatMap((p) => (elsewhereNames.has(p.creditCode) ? [officerPlanCandidate(p, elsewhereNames.get(p.creditCode)!)] : []))),
    };
  }

  private record(write: CheckinWrite): Promise<void> {
    return this.transactions.run(async (tx) => {
      if (!(await this.plans.markArrival({ planId: write.checkin.planId, at: write.checkin.at, codeDueAt: write.dueAt }, tx))) {
        throw new DomainError(ErrorCode.Conflict, '该检查计划已取消或已结束');
      }
      if (!(await this.checkins.insertOnce(write.checkin, tx))) throw alreadyRecorded('入企记录');
      await this.trail.append(write.trail, tx);
      if (write.deadline) await this.outbox.add([outboxJob(JobName.EmergencyCodeDeadline, write.deadline, new Date(write.deadline.deadline))], tx);
    }, 'READ COMMITTED');
  }
}
