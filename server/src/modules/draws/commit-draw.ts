import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  addDays, canonicalInputs, DRAW_ALGORITHM, Role, shanghaiDate, userActor, type CreditGrade, type DrawInputs, type DrawView, type SessionUser,
} from '@mashang/shared';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { invalid } from '../../infra/errors/domain-error.js';
import { InspectionRepository } from '../inspections/index.js';
import { AgencyRepository, EnterpriseRepository, ItemRepository, OfficerRepository } from '../registry/index.js';
import type { CommitDrawDto } from './dto/draw.dto.js';
import { DrawViews } from './draw-views.js';
import { drawSeed, NODE_DRAW_HASHING } from './node-draw-hashing.js';
import { RandomDrawRepository } from './random-draw.repository.js';

/** How far back an officer's inspection of an enterprise keeps them from being drawn for it again. */
export const RECUSAL_DAYS = 365;

/**
 * Step one of a draw: the inputs are frozen (the population by industry and region with its grades,
 * the agency's officers certified through the period, the recusals) and published with the seed's
 * hash. Nothing about them can change afterwards.
 */
@Injectable()
export class CommitDraw {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RandomDrawRepository) private readonly draws: RandomDrawRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(DrawViews) private readonly views: DrawViews,
  ) {}

  async commit(user: SessionUser, input: CommitDrawDto, now = new Date()): Promise<DrawView> {
    // An agency admin draws for its agency; a supervisor (执法监督) for the agency it names.
    const agencyId = user.role === Role.Supervisor ? input.agencyId : user.agencyId;
    if (!agencyId) throw invalid('agencyId', '请指定执法部门');
    if (user.role === Role.Supervisor && !(await this.agencies.namesOf([agencyId])).size) throw invalid('agencyId', '执法部门不存在');
    if (input.periodTo < input.periodFrom) throw invalid('periodTo', '结束日期早于开始日期');
    if (input.periodFrom < shanghaiDate(now)) throw invalid('periodFrom', '抽查期间不能早于今天');
    if (input.periodTo > addDays(input.periodFrom, 366)) throw invalid('periodTo', '抽查期间不超过一年');
    const items = await this.items.namesOf(input.itemIds);
    if (items.length !== input.itemIds.length) throw invalid('itemIds', '检查事项不存在');
    const population = await this.enterprises.drawPopulation({ industries: input.industries, regionPrefixes: input.regionPrefixes });
    if (!population.length) throw invalid('industries', '范围内没有企业');
    const officers = await this.officers.certifiedThrough(agencyId, input.periodTo);
    if (officers.length < 2) throw invalid('officers', '本部门持有效执法证的人员不足两人');
    const since = new Date(now.getTime() - RECUSAL_DAYS * 86_400_000);
    const inScope = new Set(population.map((e) => e.creditCode));
    const recusals = [...await this.draws.conflictsOf(officers), ...await this.inspections.officerEnterprisesSince(officers, since)]
      .filter((r) => inScope.has(r.creditCode));
    const inputs: DrawInputs = {
      algorithm: DRAW_ALGORITHM,
      population: population.map((e) => ({ creditCode: e.creditCode, grade: e.grade as CreditGrade })),
      proportions: input.proportions,
      officers,
      recusals: [...new Map(recusals.map((r) => [`${r.officerId}|${r.creditCode}`, r])).values()],
    };
    const id = randomUUID();
    const nonce = randomBytes(16).toString('hex');
    const commitment = await NODE_DRAW_HASHING.sha256Hex(drawSeed(this.config.jwtSecret, id, nonce));
    await this.draws.insert({
      id, agencyId, name: input.name.trim(), scope: { itemIds: input.itemIds, industries: input.industries, regionPrefixes: input.regionPrefixes },
      periodFrom: input.periodFrom, periodTo: input.periodTo, nonce, commitment, inputs: canonicalInputs(inputs), committedAt: now, createdBy: userActor(user),
    });
    return this.views.one(id);
  }
}
