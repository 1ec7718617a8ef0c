import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { UserRepository } from '../../auth/index.js';
import type { FlaggedCaseQueueRepository, QueueCursor, QueuedCase, QueueFilter } from '../../flags/index.js';
import type { AgencyRepository, EnterpriseRepository, OfficerRepository } from '../../registry/index.js';
import { CaseNames } from '../case-names.js';
import { CaseQueue } from './case-queue.js';
import { encodeCursor } from './cursor.js';

const NOW = new Date('2026-05-10T02:00:00Z');
const supervisor: SessionUser = { id: 7, username: 'sup', role: Role.Supervisor, displayName: '监督员', agencyId: null, officerId: null };
const admin1: SessionUser = { id: 11, username: 'admin1', role: Role.AgencyAdmin, displayName: 'admin1', agencyId: 'A1', officerId: null };
const SHOP = '92410202MA0000011X';

const stored = (n: number, overrides: Partial<QueuedCase> = {}): QueuedCase => ({
  id: `c${n}`, source: 'rating', rule: 'disapprove', severity: 'high', title: `案件${n}`, status: 'open', conclusion: null, agencyId: 'A1', creditCode: SHOP,
  officerId: 'O1', inspectionId: `P${n}`, assigneeId: null, deadline: null, createdAt: new Date(NOW.getTime() - n * 3_600_000), updatedAt: NOW, ...overrides,
});

/** A queue of `cases` newest first, and every look-up asked of it and of the registers. */
function setUp(cases: QueuedCase[]) {
  const asked: { page?: [QueueFilter, string, QueueCursor | null, number]; count?: QueueFilter; names: string[][]; codesNamed: string[] } = { names: [], codesNamed: [] };
  const names = (owner: string, table: Record<string, string>) => async (ids: (string | number)[]) => {
    asked.names.push([owner, ...ids.map(String)]);
    return new Map(ids.map(String).filter((id) => table[id]).map((id) => [id, table[id]]));
  };
  const queue = new CaseQueue(
    {
      count: async (filter: QueueFilter) => ((asked.count = { ...filter }), cases.length),
      page: async (filter: QueueFilter, sort: string, after: QueueCursor | null, limit: number) => ((asked.page = [{ ...filter }, sort, after, limit]), cases.slice(0, limit)),
    } as unknown as FlaggedCaseQueueRepository,
    {
      codesNamed: async (text: string) => (asked.codesNamed.push(text), ['91410200MA0000022Y']),
      codesNamedLike: (text: string) => ({ sql: 'subquery', params: [`%${text}%`] }),
    } as unknown as EnterpriseRepository,
    new CaseNames(
      { namesOf: names('agencies', { A1: '市市场监督管理局' }) } as unknown as AgencyRepository,
      { namesOf: names('enterprises', { [SHOP]: '老王烩面馆' }) } as unknown as EnterpriseRepository,
      { namesOf: names('officers', { O1: '张伟' }) } as unknown as OfficerRepository,
      { displayNames: names('users', { 7: '监督员' }) } as unknown as UserRepository,
    ),
  );
  return { queue, asked };
}

describe('the flagged-case queue', () => {
  it('answers a page with names from one look-up per register, and a cursor after its last case', async () => {
    const cases = [stored(1, { assigneeId: 7 }), stored(2, { agencyId: null, officerId: null, creditCode: null }), stored(3)];
    const { queue, asked } = setUp(cases);
    const page = await queue.list(supervisor, { pageSize: 2 }, NOW);
    expect(asked.page).toEqual([{}, 'newest', null, 3]);
    expect(page.total).toBe(3);
    expect(page.items.map((i) => [i.id, i.agencyName, i.enterpriseName, i.officerName, i.assigneeName])).toEqual([
      ['c1', '市市场监督管理局', '老王烩面馆', '张伟', '监督员'],
      ['c2', null, null, null, null],
    ]);
    expect(asked.names).toEqual([['agencies', 'A1'], ['enterprises', SHOP], ['officers', 'O1'], ['users', '7']]);
    expect(page.nextCursor).toBe(encodeCursor(cases[1].createdAt.toISOString(), 'c2'));
  });

  it('continues after a cursor in the sort\'s own key, and ends without one', async () => {
    const { queue, asked } = setUp([stored(3)]);
    const page = await queue.list(supervisor, { cursor: encodeCursor('2026-05-09T00:00:00.000Z', 'c2') }, NOW);
    expect(asked.page?.[2]).toEqual({ key: new Date('2026-05-09T00:00:00.000Z'), id: 'c2' });
    expect(page.nextCursor).toBeNull();
    await queue.list(supervisor, { sort: 'deadline', cursor: encodeCursor('2026-05-20', 'c2') }, NOW);
    expect(asked.page?.[0]).toEqual({ withDeadline: true });
    expect(asked.count).toEqual({ withDeadline: true });
    expect(asked.page?.[2]).toEqual({ key: '2026-05-20', id: 'c2' });
  });

  it('refuses a cursor that is not one', async () => {
    const { queue } = setUp([]);
    const error = (await queue.list(supervisor, { cursor: 'bm9wZQ' }, NOW).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe(ErrorCode.ValidationFailed);
  });

  it('searches enterprise names through the register\'s subquery, and a typed code by prefix with the names that look like it', async () => {
    const { queue, asked } = setUp([]);
    await queue.list(supervisor, { q: '烩面' }, NOW);
    expect(asked.page?.[0]).toEqual({ creditCodes: { in: { sql: 'subquery', params: ['%烩面%'] } } });
    expect(asked.codesNamed).toEqual([]);
    await queue.list(supervisor, { q: '9141' }, NOW);
    expect(asked.codesNamed).toEqual(['9141']);
    expect(asked.page?.[0]).toEqual({ creditCodes: { prefix: '9141', orIn: ['91410200MA0000022Y'] } });
  });

  it('lists the rated agency its rating cases without the enterprise or inspection, under the kind of complaint; its searches by enterprise leave them out', async () => {
    const cases = [stored(1, { title: '企业差评：市市场监督管理局（执法语言是否文明：1分）' }), stored(2, { source: 'anomaly', rule: 'repeated-inspection', title: '同一部门重复检查' })];
    const { queue, asked } = setUp(cases);
    const page = await queue.list(admin1, {}, NOW);
    expect(asked.page?.[0]).toEqual({ agencyId: 'A1' });
    expect(page.items[0]).toMatchObject({ id: 'c1', title: '企业差评：市市场监督管理局（企业不认可本次检查）', creditCode: null, enterpriseName: null, inspectionId: null, officerName: '张伟' });
    expect(page.items[1]).toMatchObject({ id: 'c2', title: '同一部门重复检查', creditCode: SHOP, enterpriseName: '老王烩面馆', inspectionId: 'P2' });
    expect((await queue.rows(admin1, {}, 10, NOW))[0]).toMatchObject({ creditCode: null, enterpriseName: null, title: '企业差评：市市场监督管理局（企业不认可本次检查）' });

    await queue.list(admin1, { q: '烩面' }, NOW);
    expect(asked.page?.[0]).toEqual({ agencyId: 'A1', withoutSources: ['rating'], creditCodes: { in: { sql: 'subquery', params: ['%烩面%'] } } });
    await queue.list(admin1, { q: SHOP.slice(0, 8) }, NOW);
    expect(asked.page?.[0]).toMatchObject({ withoutSources: ['rating'] });
    await queue.list(supervisor, { q: '烩面' }, NOW);
    expect(asked.page?.[0]).not.toHaveProperty('withoutSources');
  });

  it('exports the first rows newest first whatever the sort asked', async () => {
    const { queue, asked } = setUp([stored(1), stored(2)]);
    const rows = await queue.rows(supervisor, { sort: 'deadline', source: 'rating' }, 20_001, NOW);
    expect(asked.page).toEqual([{ source: 'rating' }, 'newest', null, 20_001]);
    expect(rows.map((r) => r.id)).toEqual(['c1', 'c2']);
  });
});
