import { Inject, Injectable } from '@nestjs/common';
import { industriesText, type ItemDto, type Page, type SessionUser } from '@mashang/shared';
import { Transactions } from '../../infra/database/tx.js';
import { assertSameAgency } from '../auth/scope.js';
import { AgencyRepository } from './agency.repository.js';
import type { ScopedListQueryDto } from './dto/registry.dto.js';
import type { Item } from './item.entity.js';
import { ItemRepository } from './item.repository.js';
import { agencyFilter, assertMayEdit, conflict, found, invalidReference, RegisterEdits } from './register-edits.js';

const toItemDto = (i: Item): ItemDto => ({
  id: i.id, agencyId: i.agencyId, name: i.name, basis: i.basis, noDisturb: i.noDisturb,
  industries: i.industries, commonViolations: i.commonViolations, complianceGuide: i.complianceGuide,
});

type Guidance = Pick<ItemDto, 'industries' | 'commonViolations' | 'complianceGuide'>;
type ItemPatch = Partial<Pick<ItemDto, 'name' | 'basis' | 'noDisturb'> & Guidance>;

/** The guidance fields as stored: industries written one way (、), texts trimmed. */
function normalised<T extends Partial<Guidance>>(input: T): T {
  const out: T = { ...input };
  if (typeof out.industries === 'string') out.industries = industriesText(out.industries);
  if (typeof out.commonViolations === 'string') out.commonViolations = out.commonViolations.trim();
  if (typeof out.complianceGuide === 'string') out.complianceGuide = out.complianceGuide.trim();
  return out;
}

/** The register of inspection items (检查事项) of each agency, with their legal basis and the booklet's guidance. */
@Injectable()
export class ItemsService {
  constructor(
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(RegisterEdits) private readonly edits: RegisterEdits,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async list(user: SessionUser, query: ScopedListQueryDto): Promise<Page<ItemDto>> {
    const { rows, total } = await this.items.list({ agencyId: agencyFilter(user, query.agencyId), q: query.q }, query);
    return { items: rows.map(toItemDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: SessionUser, id: string): Promise<ItemDto> {
    const item = found(await this.items.find({ id }), '检查事项');
    assertSameAgency(user, item.agencyId);
    return toItemDto(item);
  }

  create(user: SessionUser, input: Omit<ItemDto, 'noDisturb' | keyof Guidance> & { noDisturb?: boolean } & Partial<Guidance>): Promise<ItemDto> {
    assertMayEdit(user, input.agencyId);
    return this.transactions.run(async (tx) => {
      if (!(await this.agencies.exists({ id: input.agencyId }, tx))) throw invalidReference('agencyId', '执法部门不存在');
      if (await this.items.exists({ id: input.id }, tx)) throw conflict(`检查事项 ${input.id} 已存在`);
      const row = normalised({ ...input, noDisturb: input.noDisturb ?? false, industries: input.industries ?? '', commonViolations: input.commonViolations ?? '', complianceGuide: input.complianceGuide ?? '' });
      await this.items.insert(row, tx);
      // Guidance left empty is not news in the history.
      await this.edits.created(user, 'item', input.id, Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')), tx);
      return toItemDto(found(await this.items.find({ id: input.id }, tx), '检查事项'));
    });
  }

  update(user: SessionUser, id: string, input: ItemPatch): Promise<ItemDto> {
    const patch = normalised(input);
    return this.transactions.run(async (tx) => {
      const before = toItemDto(found(await this.items.find({ id }, tx, { forUpdate: true }), '检查事项'));
      assertMayEdit(user, before.agencyId);
      const after = { ...before, ...patch };
      await this.edits.updated(user, 'item', id, { ...before }, after, () => this.items.update({ id }, patch, tx), tx);
      return after;
    });
  }

  history(user: SessionUser, id: string) {
    return this.get(user, id).then(() => this.edits.read('item', id));
  }
}
