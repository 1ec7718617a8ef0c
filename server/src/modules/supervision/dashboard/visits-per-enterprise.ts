import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate, type SessionUser, type VisitsPerEnterpriseView } from '@mashang/shared';
import { invalid } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import { visitBuckets, yearPeriods } from './yearly-figures.js';

/**
 * 无事不扰: how many enterprises were inspected 0, 1, 2, 3, 4+ times in the year, and the most visited.
 * Across all agencies a joint inspection is one visit; an agency admin sees its own inspections.
 */
@Injectable()
export class VisitsPerEnterprise {
  constructor(
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  async view(user: SessionUser, year: number, top: number, now = new Date()): Promise<VisitsPerEnterpriseView> {
    const scope = agencyScope(user);
    const periods = yearPeriods(year, shanghaiDate(now));
    if (!periods) throw invalid('year', '年份不能晚于今年');
    const { from, to } = periods.current;
    const [counted, registered, most] = await Promise.all([
      this.inspections.enterprisesByVisits(from, to, 4, scope),
      this.enterprises.total(),
      this.inspections.mostVisited(from, to, top, scope),
    ]);
    const codes = most.map((m) => m.creditCode);
    const [names, byAgency] = await Promise.all([
      this.enterprises.namesOf(codes),
      this.inspections.countsByEnterpriseAgency(codes, from, to, scope),
    ]);
    const agencyNames = await this.agencies.namesOf(byAgency.map((r) => r.agencyId));
    return {
      year,
      through: periods.through,
      buckets: visitBuckets(counted, registered),
      registered,
      top: most.map((m) => ({
        creditCode: m.creditCode,
        name: names.get(m.creditCode) ?? null,
        visits: m.visits,
        agencies: byAgency
          .filter((r) => r.creditCode === m.creditCode)
          .sort((a, b) => b.count - a.count || a.agencyId.localeCompare(b.agencyId))
          .map((r) => ({ agencyId: r.agencyId, agencyName: agencyNames.get(r.agencyId) ?? r.agencyId, inspections: r.count })),
      })),
    };
  }
}
