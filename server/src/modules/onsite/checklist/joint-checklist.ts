import { Inject, Injectable } from '@nestjs/common';
import { mergeChecklist, type ChecklistStake, type JointChecklist, type PublicChecklist, type SessionUser } from '@mashang/shared';
import { notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { LiveCodes, PlanProgressRepository, PlanRepository, type PlanProgress } from '../../plans/index.js';
import { AgencyRepository, ItemRepository } from '../../registry/index.js';
import { FindingRepository } from '../finding.repository.js';
import { ViolationClassing } from '../findings/violation-classing.js';

/**
 * 一表通查: the one checklist of a (joint) inspection — every agency's items, those of one legal basis
 * once with each agency's stake, each stake's latest finding. Officers read it with the colours a
 * violation would get; the enterprise reads it by its inspection code, with results and colours only.
 */
@Injectable()
export class JointChecklists {
  constructor(
    @Inject(PlanProgressRepository) private readonly progress: PlanProgressRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(LiveCodes) private readonly codes: LiveCodes,
    @Inject(FindingRepository) private readonly findings: FindingRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(ViolationClassing) private readonly classing: ViolationClassing,
  ) {}

  /** The list of the inspection `planId` belongs to, for that plan's agency's users (and overseers). */
  async forUser(user: SessionUser, planId: string): Promise<JointChecklist> {
    const plan = await this.progress.find(planId);
    const scope = agencyScope(user);
    if (!plan || (scope !== null && scope !== plan.agencyId)) throw notFound('检查');
    const members = await this.progress.activeMembers(plan.leadPlanId);
    const stakes = await this.stakes(members, true);
    return { leadPlanId: plan.leadPlanId, joint: members.length > 1, rows: mergeChecklist(stakes) };
  }

  /** The enterprise's copy, by the inspection code while it is in force. */
  async byCode(token: string, now = new Date()): Promise<PublicChecklist> {
    const code = await this.codes.open(token, now);
    const members = await this.progress.activeMembers(code.leadPlanId);
    const rows = mergeChecklist(await this.stakes(members, false));
    return {
      joint: members.length > 1,
      rows: rows.map((row) => ({
        name: row.name,
        basis: row.basis,
        results: row.stakes.map((s) => ({
          agencyName: s.agencyName, outcome: s.finding?.outcome ?? null, colour: s.finding?.colour ?? null, rectifyBy: s.finding?.rectifyBy ?? null,
        })),
      })),
    };
  }

  private async stakes(members: PlanProgress[], withProposals: boolean): Promise<(ChecklistStake & { basis: string })[]> {
    if (!members.length) return [];
    const ids = members.map((m) => m.id);
    const planItems = await this.plans.itemsOf(ids);
    const itemIds = [...new Set(planItems.map((i) => i.memberId))];
    const [items, names, latest, proposals] = await Promise.all([
      this.items.byIds(itemIds),
      this.agencies.namesOf(members.map((m) => m.agencyId)),
      this.findings.latestOfPlans(ids),
      withProposals ? this.classing.proposals(members[0].creditCode, itemIds, ids) : Promise.resolve(null),
    ]);
    const itemById = new Map(items.map((i) => [i.id, i]));
    const planById = new Map(members.map((m) => [m.id, m]));
    // Lead agency first, each agency's items in its plan's order (itemsOf orders by plan, then position).
    const order = new Map(ids.map((id, index) => [id, index]));
    const ordered = [...planItems].sort((a, b) => order.get(a.planId)! - order.get(b.planId)!);
    return ordered.flatMap(({ planId, memberId }) => {
      const item = itemById.get(memberId);
      const plan = planById.get(planId)!;
      if (!item) return [];
      const f = latest.get(planId)?.get(memberId);
      return [{
        planId, agencyId: plan.agencyId, agencyName: names.get(plan.agencyId) ?? '', itemId: item.id, itemName: item.name, basis: item.basis,
        finding: f ? { outcome: f.outcome, rectifyBy: f.rectifyBy, note: withProposals ? f.note : null, at: f.at.toISOString(), colour: f.colour } : null,
        ...(proposals ? { proposal: proposals.get(item.id)! } : {}),
      }];
    });
  }
}
