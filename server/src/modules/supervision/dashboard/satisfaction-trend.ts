import { Inject, Injectable } from '@nestjs/common';
import { SATISFACTION_CELL_MIN, shanghaiDate, type SatisfactionTrendView, type SessionUser } from '@mashang/shared';
import { forbidden, invalid } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { POOR_SCORE, RatingRepository } from '../../evaluation/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { monthsOf, satisfactionMonths, yearPeriods } from './yearly-figures.js';

/**
 * Ratings per month of the year, of one agency or all: aggregates only, a month with fewer than
 * SATISFACTION_CELL_MIN ratings without figures. An agency admin reads its own agency's ended months.
 */
@Injectable()
export class SatisfactionTrend {
  constructor(
    @Inject(RatingRepository) private readonly ratings: RatingRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  async view(user: SessionUser, year: number, agencyId: string | undefined, now = new Date()): Promise<SatisfactionTrendView> {
    const scope = agencyScope(user);
    if (scope !== null && agencyId !== undefined && agencyId !== scope) throw forbidden('不能访问其他部门的数据');
    const today = shanghaiDate(now);
    const periods = yearPeriods(year, today);
    if (!periods) throw invalid('year', '年份不能晚于今年');
    const agency = scope ?? agencyId ?? null;
    const rows = await this.ratings.monthly(periods.current.from, periods.current.to, POOR_SCORE, agency);
    const names = agency ? await this.agencies.namesOf([agency]) : new Map<string, string>();
    return {
      year,
      agencyId: agency,
      agencyName: agency ? names.get(agency) ?? agency : null,
      months: satisfactionMonths(monthsOf(year, today), rows, today.slice(0, 7), scope !== null),
      minRatings: SATISFACTION_CELL_MIN,
    };
  }
}
