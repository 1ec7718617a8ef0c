import { Inject, Injectable } from '@nestjs/common';
import { addDays, isVisit, planKindLabel, shanghaiDate, visitCounts, type EnterpriseVisitCounts, type EnterpriseVisitView, type VisitKind } from '@mashang/shared';
import type { SignedInEnterprise } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AccompanimentRepository, PlanRepository } from '../../plans/index.js';
import { AgencyRepository, OfficerRepository } from '../../registry/index.js';

/** Visits shown at most: an enterprise has few, and the list is not paged. */
const VISITS_SHOWN = 100;
/** 被走访频次 counts the last year, as the annual inspection rate does. */
const FIGURE_DAYS = 365;

/**
 * 企业端: the enterprise's visits that are not inspections (回访、服务走访), and how often it was visited —
 * inspections and visits apart and together. Scoped to the session's credit code and nothing else.
 */
@Injectable()
export class EnterpriseVisits {
  constructor(
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AccompanimentRepository) private readonly accompaniments: AccompanimentRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
  ) {}

  async visitsOf(enterprise: SignedInEnterprise): Promise<EnterpriseVisitView[]> {
    const visits = (await this.plans.visitsOfEnterprise(enterprise.creditCode, VISITS_SHOWN)).filter((p) => isVisit(p.kind));
    const members = await this.plans.officersOf(visits.map((v) => v.id));
    const [agencyNames, officerNames] = await Promise.all([
      this.agencies.namesOf(visits.map((v) => v.agencyId)),
      this.officers.namesOf(members.map((m) => m.memberId)),
    ]);
    return visits.map((v) => ({
      id: v.id,
      kind: v.kind as VisitKind,
      kindLabel: planKindLabel(v.kind),
      agencyName: agencyNames.get(v.agencyId) ?? '',
      planCode: v.code,
      date: v.inspectionDate,
      checkedInAt: v.checkedInAt?.toISOString() ?? null,
      finishedAt: v.finishedAt?.toISOString() ?? null,
      officers: members.filter((m) => m.planId === v.id).map((m) => ({ name: officerNames.get(m.memberId) ?? '' })),
      purpose: v.reason,
    }));
  }

  /** The last 365 days from today (Asia/Shanghai): inspections (a joint one once), visits by kind, accompanied inspections. */
  async countsOf(enterprise: SignedInEnterprise, now = new Date()): Promise<EnterpriseVisitCounts> {
    const since = addDays(shanghaiDate(now), -(FIGURE_DAYS - 1));
    const from = new Date(Date.parse(`${since}T00:00:00+08:00`));
    const [inspections, visits, accompanied] = await Promise.all([
      this.inspections.countOfEnterpriseSince(enterprise.creditCode, from),
      this.plans.visitCountsOfEnterprise(enterprise.creditCode, from),
      this.accompaniments.inspectionsOfEnterpriseSince(enterprise.creditCode, from),
    ]);
    return visitCounts({ days: FIGURE_DAYS, since, inspections, accompanied, visits });
  }
}
