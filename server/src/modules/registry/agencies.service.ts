import { Inject, Injectable } from '@nestjs/common';
import type { AgencyDto, Page, SessionUser } from '@mashang/shared';
import { Transactions } from '../../infra/database/tx.js';
import { agencyScope, assertSameAgency } from '../auth/scope.js';
import type { Agency } from './agency.entity.js';
import { AgencyRepository } from './agency.repository.js';
import type { ListQueryDto } from './dto/registry.dto.js';
import { conflict, found, RegisterEdits } from './register-edits.js';

const toAgencyDto = (a: Agency): AgencyDto => ({ id: a.id, name: a.name, kind: a.kind, region: a.region, planApproval: a.planApproval });

/** The register of enforcement agencies (执法部门). */
@Injectable()
export class AgenciesService {
  constructor(
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(RegisterEdits) private readonly edits: RegisterEdits,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async list(user: SessionUser, query: ListQueryDto): Promise<Page<AgencyDto>> {
    const { rows, total } = await this.agencies.list({ onlyId: agencyScope(user), q: query.q }, query);
    return { items: rows.map(toAgencyDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: SessionUser, id: string): Promise<AgencyDto> {
    assertSameAgency(user, id);
    return toAgencyDto(found(await this.agencies.find({ id }), '执法部门'));
  }

  create(user: SessionUser, input: Omit<AgencyDto, 'planApproval'> & { planApproval?: boolean }): Promise<AgencyDto> {
    return this.transactions.run(async (tx) => {
      if (await this.agencies.exists({ id: input.id }, tx)) throw conflict(`执法部门 ${input.id} 已存在`);
      const row = { ...input, planApproval: input.planApproval ?? false };
      await this.agencies.insert(row, tx);
      await this.edits.created(user, 'agency', input.id, row, tx);
      return toAgencyDto(found(await this.agencies.find({ id: input.id }, tx), '执法部门'));
    });
  }

  update(user: SessionUser, id: string, patch: Partial<AgencyDto>): Promise<AgencyDto> {
    return this.transactions.run(async (tx) => {
      const before = toAgencyDto(found(await this.agencies.find({ id }, tx, { forUpdate: true }), '执法部门'));
      const after = { ...before, ...patch };
      await this.edits.updated(user, 'agency', id, { ...before }, after, () => this.agencies.update({ id }, patch, tx), tx);
      return after;
    });
  }

  history(user: SessionUser, id: string) {
    return this.get(user, id).then(() => this.edits.read('agency', id));
  }
}
