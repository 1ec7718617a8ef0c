import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@mashang/shared';
import { Transactions, type Tx } from '../../infra/database/tx.js';
import { DomainError, notFound } from '../../infra/errors/domain-error.js';
import { sentFields } from '../../infra/http/partial-edit.js';
import { AgencyRepository } from '../registry/index.js';
import type { CreateScenarioDto, UpdateScenarioDto } from './dto/scenario.dto.js';
import { JointScenarioRepository, type ScenarioView } from './joint-scenario.repository.js';

/** 综合监管场景, kept by supervisors. */
@Injectable()
export class JointScenariosService {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(JointScenarioRepository) private readonly scenarios: JointScenarioRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
  ) {}

  list(): Promise<ScenarioView[]> {
    return this.scenarios.all();
  }

  create(input: CreateScenarioDto): Promise<ScenarioView> {
    return this.transactions.run(async (tx) => {
      await this.checkAgencies(input.agencyIds, tx);
      if (await this.scenarios.exists(input.id, tx)) throw new DomainError(ErrorCode.Conflict, `场景 ${input.id} 已存在`);
      await this.scenarios.insert(input, tx);
      return this.get(input.id, tx);
    });
  }

  update(id: string, patch: UpdateScenarioDto): Promise<ScenarioView> {
    return this.transactions.run(async (tx) => {
      const next = { ...(await this.get(id, tx)), ...sentFields(patch) };
      await this.checkAgencies(next.agencyIds, tx);
      await this.scenarios.update(next, tx);
      return this.get(id, tx);
    });
  }

  private async get(id: string, tx: Tx): Promise<ScenarioView> {
    const scenario = await this.scenarios.byId(id, tx);
    if (!scenario) throw notFound('综合监管场景');
    return scenario;
  }

  private async checkAgencies(agencyIds: string[], tx: Tx): Promise<void> {
    const found = await this.agencies.namesOf(agencyIds, tx);
    const missing = agencyIds.filter((id) => !found.has(id));
    if (missing.length) throw new DomainError(ErrorCode.ValidationFailed, `agencyIds: 执法部门不存在：${missing.join('、')}`, [{ field: 'agencyIds', reason: `执法部门不存在：${missing.join('、')}` }]);
  }
}
