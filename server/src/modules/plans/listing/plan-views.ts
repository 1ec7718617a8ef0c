import { Inject, Injectable } from '@nestjs/common';
import { planKindLabel, shanghaiDate, type Page, type PlanKind, type PlanEventView, type PlanView, type SessionUser } from '@mashang/shared';
import { forbidden, notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope, UserRepository } from '../../auth/index.js';
import { CampaignRepository } from '../../campaigns/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { approvalState } from '../approval/approval-rules.js';
import { PlanEventRepository } from '../plan-event.repository.js';
import type { Plan } from '../plan.entity.js';
import { PlanRepository } from '../plan.repository.js';
import { AccompanyingNames } from '../visits/accompanying-names.js';

/** Plans as the API shows them: one, a page of them, and a plan's history. */
@Injectable()
export class PlanViews {
  constructor(
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(PlanEventRepository) private readonly events: PlanEventRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(AccompanyingNames) private readonly accompanying: AccompanyingNames,
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async get(user: SessionUser, id: string): Promise<PlanView> {
    const plan = await this.plans.byId(id);
    if (!plan) throw notFound('检查计划');
    const [view] = await this.views([plan]);
    // An agency sees its own plans and the plans of joint inspections it takes part in.
    const scope = agencyScope(user);
    if (scope && plan.agencyId !== scope && !view.inspection.members.some((m) => m.agencyId === scope)) throw forbidden('不能访问其他部门的数据');
    return view;
  }

  /** Plans in hand (active, awaiting approval, returned and still to come), newest inspection date first: an agency's own (or every agency's for overseers). */
  async list(user: SessionUser, page: number, pageSize: number, now = new Date()): Promise<Page<PlanView>> {
    const { rows, total } = await this.plans.activePage(agencyScope(user), { page, pageSize }, shanghaiDate(now));
    return { items: await this.views(rows), total, page, pageSize };
  }

  /** These plans as the API shows them, in the order given. */
  of(plans: Plan[]): Promise<PlanView[]> {
    return this.views(plans);
  }

  /** The plan's history, oldest first: filing and every regrouping, with who caused it. */
  async history(user: SessionUser, id: string): Promise<PlanEventView[]> {
    await this.get(user, id);
    const events = await this.events.ofPlan(id);
    // Agencies an entry names that may no longer be in the inspection (a partner that left, one a scenario wanted).
    const [names, actorNames] = await Promise.all([
      this.agencies.namesOf(events.flatMap((event) => agenciesNamedBy(event.detail))),
      this.users.actorNames(events.map((event) => event.actor)),
    ]);
    return events.map((event) => {
      const named = agenciesNamedBy(event.detail).filter((agencyId) => names.has(agencyId));
      const view: PlanEventView = { kind: event.kind, actor: event.actor, actorName: actorNames.get(event.actor) ?? null, at: event.at.toISOString(), detail: event.detail };
      return named.length ? { ...view, agencyNames: Object.fromEntries(named.map((agencyId) => [agencyId, names.get(agencyId)!])) } : view;
    });
  }

  /** Plans with their officers, items, inspection members and who accompanies them: a few queries for any number of plans. */
  private async views(plans: Plan[]): Promise<PlanView[]> {
    if (!plans.length) return [];
    const ids = plans.map((p) => p.id);
    const [members, officers, items, accompanying, campaigns] = await Promise.all([
      this.plans.activeMembersOf(plans.map((p) => p.leadPlanId)),
      this.plans.officersOf(ids),
      this.plans.itemsOf(ids),
      this.accompanying.of(ids),
      this.campaigns.namesOf([...new Set(plans.flatMap((p) => (p.campaignId ? [p.campaignId] : [])))]),
    ]);
    const agencyNames = await this.agencies.namesOf(members.map((m) => m.agencyId));
    return plans.map((plan) => {
      const group = members.filter((m) => m.leadPlanId === plan.leadPlanId);
      return {
        id: plan.id,
        code: plan.code,
        agencyId: plan.agencyId,
        creditCode: plan.creditCode,
        plannedDate: plan.plannedDate,
        trigger: plan.trigger,
        reason: plan.reason,
        status: plan.status,
        filedAt: plan.filedAt.toISOString(),
        officerIds: officers.filter((o) => o.planId === plan.id).map((o) => o.memberId),
        itemIds: items.filter((i) => i.planId === plan.id).map((i) => i.memberId),
        inspection: {
          leadPlanId: plan.leadPlanId,
          date: plan.inspectionDate,
          joint: group.length > 1,
          members: group.map((m) => ({ planId: m.id, planCode: m.code, agencyId: m.agencyId, agencyName: agencyNames.get(m.agencyId) ?? m.agencyId })),
        },
        approval: approvalState(plan),
        kind: plan.kind as PlanKind,
        kindLabel: planKindLabel(plan.kind),
        accompanying: accompanying.get(plan.id) ?? [],
        mode: plan.mode === 'offsite' ? 'offsite' : 'onsite',
        campaign: plan.campaignId ? { id: plan.campaignId, name: campaigns.get(plan.campaignId) ?? '' } : null,
      };
    });
  }
}

/** The agency ids a history entry's detail names. */
function agenciesNamedBy(detail: Record<string, unknown>): string[] {
  const ids = [detail.leadAgencyId, ...[detail.agencyIds, detail.missingAgencyIds].flatMap((list) => (Array.isArray(list) ? list : []))];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}
