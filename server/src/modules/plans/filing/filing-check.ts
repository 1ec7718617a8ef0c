import { Inject, Injectable } from '@nestjs/common';
import { addDays, ErrorCode, isVisit, shanghaiDate, type CheckMode, type CreditGrade, type PlanTrigger, type RuleRefusal } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import type { Tx } from '../../../infra/database/tx.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AgencyRepository, ItemRepository } from '../../registry/index.js';
import type { LockedEnterprise } from '../enterprise-serial.js';
import { emergencyFilingFrom, filingRefusals, type FilingRefusal } from '../plan-filing.js';
import { lockingInspection, MERGE_WINDOW_DAYS, type MergedInspection } from '../plan-merging.js';
import { PlanRepository } from '../plan.repository.js';
import { ReviewRepository } from '../review.repository.js';
import { visitFilingRefusals } from '../visits/visit-rules.js';

/** A plan as the filing rules judge it: a new one, or one moving to another date. */
export interface FilingSubject {
  creditCode: string;
  date: string;
  trigger: PlanTrigger;
  reason?: string;
  itemIds: string[];
  /** inspection when absent; a visit is judged by the visit rules only. */
  kind?: string;
  mode?: CheckMode;
  modeReason?: string;
}

/**
 * The filing rules with their data: what the pure rules need of the enterprise, its items, this
 * agency's other planned inspections, inspections closed by an issued code, and pending review
 * requests. Runs inside a change serialised on the enterprise.
 */
@Injectable()
export class FilingCheck {
  constructor(
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(ReviewRepository) private readonly reviews: ReviewRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every filing rule the plan breaks, filed or moved `now`; `movingPlanId` is the plan being moved, not counted against itself. */
  async refusals(agencyId: string, plan: FilingSubject, enterprise: LockedEnterprise, now: Date, movingPlanId: string | null, tx: Tx): Promise<FilingRefusal[]> {
    if (isVisit(plan.kind)) return visitFilingRefusals({ date: plan.date, today: shanghaiDate(now) });
    const items = await this.items.byIds(plan.itemIds, tx);
    const refusals = filingRefusals({
      trigger: plan.trigger,
      date: plan.date,
      today: shanghaiDate(now),
      emergencyFrom: emergencyFilingFrom(now, this.config.onsite.emergencyCodeHours),
      reason: plan.reason,
      enterprise: { creditGrade: enterprise.creditGrade as CreditGrade, lowTouch: enterprise.lowTouch },
      noDisturbItems: items.filter((item) => item.noDisturb).map((item) => item.name),
      mode: plan.mode,
      modeReason: plan.modeReason,
      otherPlannedDates: plan.trigger === 'planned' ? await this.plannedDates(agencyId, plan.creditCode, plan.date, movingPlanId, tx) : [],
    });
    return [...refusals, ...(await this.othersSince(agencyId, plan, tx))];
  }

  /**
   * A plan filed to wait for its head's approval, judged again when approved: the date may have
   * passed, another agency's inspection may have closed on the enterprise, a review request of this
   * agency may be pending on it. (The filing rules themselves held when it was filed.)
   */
  async approvalRefusals(agencyId: string, plan: FilingSubject, today: string, tx: Tx): Promise<FilingRefusal[]> {
    const stale = plan.date < today
      ? [{ rule: 'past-date' as const, message: `检查日期 ${plan.date} 已过，不能再批准`, remedy: '退回该计划并写明理由；需要检查的，重新报备' }]
      : [];
    return [...stale, ...(await this.othersSince(agencyId, plan, tx))];
  }

  /** The rules that depend on other agencies' and this agency's later steps: the lock-out and a pending review. */
  private async othersSince(agencyId: string, plan: FilingSubject, tx: Tx): Promise<FilingRefusal[]> {
    const refusals: FilingRefusal[] = [];
    // An off-site check does not come to the premises, so a joint visit's lock-out does not hold it back.
    const lockOut = plan.mode === 'offsite' ? null : await this.lockOut(agencyId, plan, tx);
    if (lockOut) refusals.push(lockOut);
    if (plan.trigger !== 'emergency') {
      const pending = await this.reviews.pendingInspectionOf(plan.creditCode, agencyId, tx);
      if (pending) {
        refusals.push({
          rule: 'review-pending',
          message: `本部门对该企业检查结果（${pending}）的异议复查申请待司法局决定，期间不得就同一事实重复检查`,
          remedy: '等待复查决定；确属紧急情况的按紧急检查报备',
        });
      }
    }
    return refusals;
  }

  /** This agency's planned inspections of the enterprise within a year of `date`: plans and past inspections. */
  private async plannedDates(agencyId: string, creditCode: string, date: string, exceptPlanId: string | null, tx: Tx): Promise<string[]> {
    const plans = await this.plans.plannedDates(agencyId, creditCode, addDays(date, -364), addDays(date, 364), exceptPlanId, tx);
    const done = await this.inspections.plannedStartsSince(agencyId, creditCode, new Date(Date.parse(`${addDays(date, -365)}T00:00:00+08:00`)), tx);
    return [...plans, ...done.map((startedAt) => shanghaiDate(startedAt))];
  }

  /** Refuses an agency outside an inspection whose code is issued, within ±7 days of it (emergencies excepted). */
  private async lockOut(agencyId: string, plan: FilingSubject, tx: Tx): Promise<FilingRefusal | null> {
    const closed = new Map<string, MergedInspection>();
    for (const coded of await this.plans.codedOf(plan.creditCode, tx)) {
      const inspection = closed.get(coded.leadPlanId) ?? { leadPlanId: coded.leadPlanId, leadAgencyId: coded.agencyId, date: coded.inspectionDate, planIds: [], agencyIds: [] };
      inspection.agencyIds.push(coded.agencyId);
      closed.set(coded.leadPlanId, inspection);
    }
    const locking = lockingInspection({ agencyId, date: plan.date, emergency: plan.trigger === 'emergency' }, [...closed.values()]);
    if (!locking) return null;
    const names = await this.agencies.namesOf(locking.agencyIds, tx);
    return {
      rule: 'joint-lock-out',
      message: `该企业 ${locking.date} 已有${locking.agencyIds.length > 1 ? '联合' : ''}检查（${locking.agencyIds.map((id) => names.get(id) ?? id).join('、')}），检查码已生成；未参加的部门前后${MERGE_WINDOW_DAYS}日内不得另行入企检查`,
      remedy: `选择 ${addDays(locking.date, MERGE_WINDOW_DAYS + 1)} 或之后的日期，或在 ${addDays(locking.date, -MERGE_WINDOW_DAYS - 1)} 之前；确属紧急情况的按紧急检查报备`,
    };
  }
}

/** The answer to a refused filing or move: 422 naming each rule and what would satisfy it. */
export function refusedError(what: string, refusals: RuleRefusal[]): DomainError {
  return new DomainError(ErrorCode.RuleRefused, `${what}：${refusals.map((r) => r.message).join('；')}`, undefined, refusals);
}
