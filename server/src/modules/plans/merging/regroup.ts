import { Inject, Injectable } from '@nestjs/common';
import { addDays, isVisit } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import { PlanHistory } from '../plan-history.js';
import { mergePlans, MERGE_WINDOW_DAYS, type MergeCandidate } from '../plan-merging.js';
import { PlanRepository } from '../plan.repository.js';

/**
 * 智能合并 after each change: recomputes an enterprise's inspections from its active plans and records
 * every change of grouping. Runs inside the change's transaction, with the enterprise locked.
 */
@Injectable()
export class Regrouping {
  constructor(
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(PlanHistory) private readonly history: PlanHistory,
  ) {}

  async regroup(creditCode: string, today: string, actor: string, now: Date, tx: Tx): Promise<void> {
    const stored = await this.plans.regroupable(creditCode, addDays(today, -MERGE_WINDOW_DAYS), tx);
    const candidates: MergeCandidate[] = stored.map((p) => ({ id: p.id, agencyId: p.agencyId, date: p.plannedDate, emergency: p.trigger === 'emergency', filedAt: p.filedAt, visit: isVisit(p.kind) }));
    const before = membersByPlan(stored.map((p) => ({ id: p.id, lead: p.leadPlanId })));
    const byId = new Map(stored.map((p) => [p.id, p]));
    for (const inspection of mergePlans(candidates)) {
      const members = [...inspection.planIds].sort().join(',');
      for (const planId of inspection.planIds) {
        const plan = byId.get(planId)!;
        const regrouped = plan.leadPlanId !== inspection.leadPlanId || plan.inspectionDate !== inspection.date;
        if (!regrouped && before.get(planId) === members) continue;
        if (regrouped) await this.plans.setGrouping(planId, inspection.leadPlanId, inspection.date, tx);
        await this.history.record({
          planId, agencyId: plan.agencyId, creditCode, kind: 'merged', actor, at: now,
          detail: {
            leadPlanId: inspection.leadPlanId,
            leadAgencyId: inspection.leadAgencyId,
            inspectionDate: inspection.date,
            agencyIds: inspection.agencyIds,
            why:
              inspection.planIds.length > 1
                ? '同一企业±7个自然日内不同部门的检查计划合并为联合检查（应急优先、先提报优先）'
                : before.get(planId)?.includes(',')
                  ? '不再与其他部门的计划合并，单独检查'
                  : `检查日期为 ${inspection.date}`,
          },
        }, tx);
      }
    }
  }
}

/** Each plan's inspection members (sorted ids, joined) as the stored lead ids group them. */
function membersByPlan(plans: { id: string; lead: string }[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const plan of plans) groups.set(plan.lead, [...(groups.get(plan.lead) ?? []), plan.id]);
  const result = new Map<string, string>();
  for (const members of groups.values()) for (const id of members) result.set(id, [...members].sort().join(','));
  return result;
}
