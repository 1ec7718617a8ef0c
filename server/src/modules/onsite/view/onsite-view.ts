import { Inject, Injectable } from '@nestjs/common';
import { isVisit, planKindLabel, shanghaiDate, type OnsiteInspectionView, type PlanKind, type SessionUser } from '@mashang/shared';
import { notFound } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { AccompanyingNames, InspectionCodeRepository, PlanProgressRepository, PlanRepository, type PlanProgress } from '../../plans/index.js';
import { AgencyRepository, EnterpriseRepository, ItemRepository, OfficerRepository } from '../../registry/index.js';
import { DocumentRepository } from '../document.repository.js';
import { documentView } from '../documents/document-view.js';
import { FindingRepository } from '../finding.repository.js';
import { requireOfficer } from '../officer-plan.js';
import { inspectionResult } from '../onsite-rules.js';
import { ViolationClassing } from '../findings/violation-classing.js';

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** The officer's view of inspections: the day's list for the scan page, and one agency's part of an inspection. */
@Injectable()
export class OnsiteView {
  constructor(
    @Inject(PlanProgressRepository) private readonly plans: PlanProgressRepository,
    @Inject(PlanRepository) private readonly planMembers: PlanRepository,
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(FindingRepository) private readonly findings: FindingRepository,
    @Inject(DocumentRepository) private readonly documents: DocumentRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(AccompanyingNames) private readonly accompanying: AccompanyingNames,
    @Inject(ViolationClassing) private readonly classing: ViolationClassing,
  ) {}

  /** The officer's inspections of the day (Asia/Shanghai). */
  async today(user: SessionUser, now = new Date()): Promise<OnsiteInspectionView[]> {
    const officerId = requireOfficer(user);
    const plans = await this.plans.officerPlansOfDay(officerId, user.agencyId!, shanghaiDate(now));
    return Promise.all(plans.map((plan) => this.view(plan.id)));
  }

  /** One inspection, for its agency's users and those who oversee every agency. */
  async get(user: SessionUser, planId: string): Promise<OnsiteInspectionView> {
    const agencyId = await this.plans.agencyOf(planId);
    const scope = agencyScope(user);
    if (!agencyId || (scope !== null && scope !== agencyId)) throw notFound('检查');
    return this.view(planId);
  }

  /** The officer's whole view of one agency's part of an inspection. */
  async view(planId: string): Promise<OnsiteInspectionView> {
    const plan = await this.plans.find(planId);
    if (!plan) throw notFound('检查');
    const onPlan = this.itemsOf(plan.id);
    const [enterprises, agencies, joint, officers, items, latest, documents, coded, proposals, accompanying] = await Promise.all([
      this.enterprises.namesOf([plan.creditCode]),
      this.agencies.namesOf([plan.agencyId]),
      this.jointAgencies(plan),
      this.officersOf(plan.id),
      onPlan,
      this.findings.latestOf(plan.id),
      this.documents.ofPlan(plan.id),
      this.codes.liveOf(plan.leadPlanId).then((code) => code !== null),
      // 三色: read beside the rest, so the answer waits no longer (an unfinished inspection only).
      plan.finishedAt ? Promise.resolve(null) : onPlan.then((list) => this.classing.proposals(plan.creditCode, list.map((i) => i.id), [plan.id])),
      this.accompanying.of([plan.id]),
    ]);
    const enterpriseName = enterprises.get(plan.creditCode);
    const agencyName = agencies.get(plan.agencyId);
    if (enterpriseName === undefined || agencyName === undefined) throw notFound('检查');
    return {
      id: plan.id,
      planCode: plan.code,
      leadPlanId: plan.leadPlanId,
      creditCode: plan.creditCode,
      enterpriseName,
      agencyId: plan.agencyId,
      agencyName,
      jointAgencies: joint,
      inspectionDate: plan.inspectionDate,
      trigger: plan.trigger,
      coded,
      status: plan.finishedAt ? 'finished' : plan.checkedInAt ? 'on-site' : 'planned',
      checkedInAt: iso(plan.checkedInAt),
      finishedAt: iso(plan.finishedAt),
      codeDueAt: iso(plan.codeDueAt),
      officers,
      items: items.map((item) => {
        const f = latest.get(item.id);
        const proposal = proposals?.get(item.id);
        return {
          ...item,
          finding: f ? { outcome: f.outcome, rectifyBy: f.rectifyBy, note: f.note, at: f.at.toISOString(), colour: f.colour } : null,
          ...(proposal ? { proposal } : {}),
        };
      }),
      documents: documents.map(documentView),
      result: plan.finishedAt && !isVisit(plan.kind) ? inspectionResult([...latest.values()].map((f) => f.outcome)) : null,
      // A visit says what it is; an inspection names who accompanies it (陪同执法), when anyone does.
      ...(isVisit(plan.kind) ? { kind: plan.kind as PlanKind, kindLabel: planKindLabel(plan.kind) } : {}),
      ...(accompanying.has(plan.id) ? { accompanying: accompanying.get(plan.id)! } : {}),
    };
  }

  /** The names of the inspection's other agencies still in it, by name. */
  private async jointAgencies(plan: PlanProgress): Promise<string[]> {
    const ids = await this.plans.otherActiveAgencies(plan.leadPlanId, plan.id);
    // In the database's collation order, as the agencies' names sort everywhere else.
    return [...(await this.agencies.namesOf(ids)).values()];
  }

  private async officersOf(planId: string): Promise<OnsiteInspectionView['officers']> {
    const onPlan = await this.planMembers.officersOf([planId]);
    const byId = new Map((await this.officers.byIds(onPlan.map((o) => o.memberId))).map((o) => [o.id, o]));
    return onPlan.flatMap(({ memberId: id }) => (byId.has(id) ? [{ id, name: byId.get(id)!.name, certNo: byId.get(id)!.certNo }] : []));
  }

  private async itemsOf(planId: string): Promise<{ id: string; name: string; basis: string }[]> {
    const onPlan = await this.planMembers.itemsOf([planId]);
    const byId = new Map((await this.items.byIds(onPlan.map((i) => i.memberId))).map((i) => [i.id, i]));
    return onPlan.flatMap(({ memberId: id }) => (byId.has(id) ? [{ id, name: byId.get(id)!.name, basis: byId.get(id)!.basis }] : []));
  }
}
