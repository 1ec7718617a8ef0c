import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate, type OffsiteShareRow, type SessionUser } from '@mashang/shared';
import { agencyScope } from '../../auth/index.js';
import { InspectionRepository } from '../../inspections/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { OffsiteRequestRepository } from '../offsite-request.repository.js';
import { monthsBefore, shareRows } from './share-rows.js';

/** 非现场检查占比: per agency and month (Asia/Shanghai); an agency admin sees its own agency, overseers every one. */
@Injectable()
export class OffsiteShare {
  constructor(
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(OffsiteRequestRepository) private readonly requests: OffsiteRequestRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  async rows(user: SessionUser, from: string | undefined, now = new Date()): Promise<OffsiteShareRow[]> {
    const scope = agencyScope(user);
    const first = from ?? monthsBefore(shanghaiDate(now).slice(0, 7), 11);
    const since = new Date(Date.parse(`${first}-01T00:00:00+08:00`));
    const [totals, offsite] = await Promise.all([this.inspections.countsByAgencyMonth(since, scope), this.requests.acceptedByAgencyMonth(since, scope)]);
    const names = await this.agencies.namesOf([...new Set([...totals, ...offsite].map((r) => r.agencyId))]);
    return shareRows(totals, offsite, names);
  }
}
