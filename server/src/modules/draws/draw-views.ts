import { Inject, Injectable } from '@nestjs/common';
import { DRAW_ALGORITHM, type DrawResult, type DrawView } from '@mashang/shared';
import { notFound } from '../../infra/errors/domain-error.js';
import { InspectionRepository } from '../inspections/index.js';
import { AgencyRepository, EnterpriseRepository, ItemRepository } from '../registry/index.js';
import { RandomDrawRepository, type StoredDraw } from './random-draw.repository.js';

/** Draws as anyone reads them (双随机一公开): inputs, commitment, seed once drawn, result and what became of it. */
@Injectable()
export class DrawViews {
  constructor(
    @Inject(RandomDrawRepository) private readonly draws: RandomDrawRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
  ) {}

  async one(id: string): Promise<DrawView> {
    const draw = await this.draws.find(id);
    if (!draw) throw notFound('随机抽查');
    const outcomes = await this.draws.plansOf(id);
    const [names, finished] = await Promise.all([
      this.enterprises.namesOf(outcomes.map((o) => o.creditCode)),
      this.inspections.byIds(outcomes.map((o) => o.planId).filter((p): p is string => p !== null)),
    ]);
    const results = new Map(finished.map((i) => [i.id, i.result]));
    return {
      ...(await this.summary(draw)),
      inputs: draw.inputs,
      result: draw.result ? (JSON.parse(draw.result) as DrawResult) : null,
      outcomes: outcomes.map((o) => ({ ...o, enterpriseName: names.get(o.creditCode) ?? o.creditCode, result: o.planId ? results.get(o.planId) ?? null : null })),
    };
  }

  async list(agencyId: string | null): Promise<DrawView[]> {
    const draws = await this.draws.list(agencyId, 200);
    return Promise.all(draws.map(async (d) => ({ ...(await this.summary(d)), inputs: null, result: null, outcomes: [] })));
  }

  private async summary(d: StoredDraw): Promise<Omit<DrawView, 'inputs' | 'result' | 'outcomes'>> {
    const [agencyNames, itemNames] = await Promise.all([this.agencies.namesOf([d.agencyId]), this.items.namesOf(d.scope.itemIds)]);
    return {
      id: d.id, agencyId: d.agencyId, agencyName: agencyNames.get(d.agencyId) ?? d.agencyId, name: d.name,
      items: d.scope.itemIds.map((id, i) => ({ id, name: itemNames[i] ?? id })), industries: d.scope.industries, regionPrefixes: d.scope.regionPrefixes,
      periodFrom: d.periodFrom, periodTo: d.periodTo, status: d.status, algorithm: DRAW_ALGORITHM, commitment: d.commitment,
      committedAt: d.committedAt.toISOString(), publicEntropy: d.publicEntropy, seed: d.status === 'drawn' ? d.seed : null,
      drawnAt: d.drawnAt ? d.drawnAt.toISOString() : null,
    };
  }
}
