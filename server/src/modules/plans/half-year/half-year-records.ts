import { Inject, Injectable } from '@nestjs/common';
import type { HalfYearRecord, SessionUser } from '@mashang/shared';
import { forbidden } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AgencyRepository } from '../../registry/index.js';

/** At most this many results are shown. */
const MOST_RECORDS = 200;

/**
 * 首检负责、结果互认: shown while filing, the results of inspections of this enterprise in the last
 * six months by agencies of the same industry as the caller's.
 */
@Injectable()
export class HalfYearRecords {
  constructor(
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  async of(user: SessionUser, creditCode: string, now = new Date()): Promise<HalfYearRecord[]> {
    const agencyId = agencyScope(user);
    if (!agencyId) throw forbidden('只有执法部门的人员可以查看');
    const since = new Date(now);
    since.setUTCMonth(since.getUTCMonth() - 6);
    const sameIndustry = await this.agencies.namesOfSameKind(agencyId);
    const records = await this.inspections.resultsOf(creditCode, [...sameIndustry.keys()], since, now, MOST_RECORDS);
    return records.map((r) => ({ inspectionId: r.id, agencyId: r.agencyId, agencyName: sameIndustry.get(r.agencyId)!, startedAt: r.startedAt.toISOString(), result: r.result }));
  }
}
