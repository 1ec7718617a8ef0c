import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate, type SessionUser, type YearOnYearView } from '@mashang/shared';
import { invalid } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { yearOnYearRows, yearPeriods } from './yearly-figures.js';

/** Inspections per agency this year to date against the same days of last year; an agency admin sees its own. */
@Injectable()
export class YearOnYear {
  constructor(
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  async view(user: SessionUser, year: number, now = new Date()): Promise<YearOnYearView> {
    const scope = agencyScope(user);
    const periods = yearPeriods(year, shanghaiDate(now));
    if (!periods) throw invalid('year', '年份不能晚于今年');
    const counts = await this.inspections.countsInPeriods(periods.current, periods.previous, scope);
    const names = await this.agencies.namesOf(counts.map((c) => c.agencyId));
    const { agencies, total } = yearOnYearRows(counts, (id) => names.get(id) ?? id);
    return { year, through: periods.through, previousFrom: periods.previousFrom, previousThrough: periods.previousThrough, agencies, total };
  }
}
