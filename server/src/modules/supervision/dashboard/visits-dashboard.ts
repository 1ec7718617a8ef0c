import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate, visitsByMonth, type SessionUser, type VisitColumn, type VisitsByMonthView } from '@mashang/shared';
import { agencyScope } from '../../auth/index.js';
import { AccompanimentRepository, PlanRepository } from '../../plans/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { lastMonths } from './dashboard.service.js';

/**
 * Visits that are not inspections, counted apart from them: per agency and month, each visit kind
 * (回访、政策宣传、走访调研) and the inspections the agency's people accompanied (陪同执法). The
 * supervisor sees every agency, an agency admin its own.
 */
@Injectable()
export class VisitsDashboard {
  constructor(
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AccompanimentRepository) private readonly accompaniments: AccompanimentRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  async byMonth(user: SessionUser, months: number, now = new Date()): Promise<VisitsByMonthView> {
    const scope = agencyScope(user);
    const monthList = lastMonths(shanghaiDate(now), months);
    const since = new Date(`${monthList[0]}-01T00:00:00+08:00`);
    const [visits, accompanied] = await Promise.all([this.plans.visitsByAgencyMonth(since, scope), this.accompaniments.byAgencyMonth(since, scope)]);
    const counted = [
      ...visits.map((v) => ({ agencyId: v.agencyId, month: v.month, column: v.kind as VisitColumn, count: v.count })),
      ...accompanied.map((a) => ({ agencyId: a.agencyId, month: a.month, column: 'accompanied' as const, count: a.count })),
    ];
    const names = await this.agencies.namesOf(counted.map((c) => c.agencyId));
    return { ...visitsByMonth(counted, names), months: monthList };
  }
}
