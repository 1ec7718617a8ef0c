import { Inject, Injectable } from '@nestjs/common';
import type { AccompanyingView } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import { AgencyRepository, OfficerRepository } from '../../registry/index.js';
import { AccompanimentRepository } from '../accompaniment.repository.js';

/** 陪同执法: who accompanies each of these plans, by name and agency (three reads for any number of plans). */
@Injectable()
export class AccompanyingNames {
  constructor(
    @Inject(AccompanimentRepository) private readonly accompaniments: AccompanimentRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  async of(planIds: string[], tx?: Tx): Promise<Map<string, AccompanyingView[]>> {
    const rows = await this.accompaniments.ofPlans(planIds, tx);
    const result = new Map<string, AccompanyingView[]>();
    if (!rows.length) return result;
    const [names, agencyNames] = await Promise.all([
      this.officers.namesOf(rows.map((r) => r.officerId), tx),
      this.agencies.namesOf(rows.map((r) => r.agencyId), tx),
    ]);
    for (const row of rows) {
      const list = result.get(row.planId) ?? [];
      list.push({ name: names.get(row.officerId) ?? '', agencyName: agencyNames.get(row.agencyId) ?? '', at: row.addedAt.toISOString() });
      result.set(row.planId, list);
    }
    return result;
  }
}
