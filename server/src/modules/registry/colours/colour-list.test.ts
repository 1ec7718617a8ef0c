import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { TrailAppend, TrailRepository } from '../../trail/index.js';
import type { AgencyRepository } from '../agency.repository.js';
import type { ItemColour, ViolationColourRepository } from '../violation-colour.repository.js';
import { ColourList, colourListChain } from './colour-list.js';

const ADMIN: SessionUser = { id: 3, username: 'admin1', role: Role.AgencyAdmin, displayName: '管理员', agencyId: 'A1', officerId: null };
const SUPERVISOR: SessionUser = { id: 1, username: 'supervisor', role: Role.Supervisor, displayName: '监督', agencyId: null, officerId: null };
const ITEMS: ItemColour[] = [
  { itemId: 'I1', itemName: '食品经营许可', basis: '食品安全法', colour: 'green', rectifyDays: 7, updatedAt: null },
  { itemId: 'I2', itemName: '健康证明', basis: '食品安全法', colour: null, rectifyDays: null, updatedAt: null },
];

function setUp() {
  const writes: string[] = [];
  const list = new ColourList(
    { run: (work: (tx: Tx) => Promise<unknown>) => work({} as Tx) } as unknown as Transactions,
    {
      ofAgency: async () => ITEMS,
      put: async (_agency: string, rule: { itemId: string; colour: string; rectifyDays: number }) => writes.push(`put ${rule.itemId} ${rule.colour} ${rule.rectifyDays}`),
      remove: async (itemId: string) => writes.push(`remove ${itemId}`),
    } as unknown as ViolationColourRepository,
    { namesOf: async () => new Map([['A1', '市场监管局']]) } as unknown as AgencyRepository,
    { append: async (entry: TrailAppend) => writes.push(`trail ${entry.inspectionId} ${(entry.detail as { texts: string[] }).texts.join('；')}`) } as unknown as TrailRepository,
  );
  return { list, writes };
}
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: DomainError) => error.code);

describe('the 三色清单', () => {
  it('writes what changed and one history entry naming each change', async () => {
    const { list, writes } = setUp();
    await list.change(ADMIN, undefined, [{ itemId: 'I1', colour: 'green', rectifyDays: 7 }, { itemId: 'I2', colour: 'yellow', rectifyDays: 10 }, { itemId: 'I1', colour: null }]);
    expect(writes).toEqual(['put I2 yellow 10', 'remove I1', 'trail colours:A1 健康证明：未列入 → 黄色，整改期限10天；食品经营许可：绿色 → 未列入']);
  });

  it('writes nothing when nothing changes', async () => {
    const { list, writes } = setUp();
    await list.change(ADMIN, undefined, [{ itemId: 'I1', colour: 'green', rectifyDays: 7 }]);
    expect(writes).toEqual([]);
  });

  it('refuses another agency’s item, and an admin asking for another agency, writing nothing', async () => {
    const { list, writes } = setUp();
    expect(await codeOf(list.change(ADMIN, undefined, [{ itemId: 'I2', colour: 'red' }, { itemId: 'X9', colour: 'red' }]))).toBe(ErrorCode.ValidationFailed);
    expect(await codeOf(list.view(ADMIN, 'A2'))).toBe(ErrorCode.Forbidden);
    expect(await codeOf(list.view(SUPERVISOR))).toBe(ErrorCode.ValidationFailed);
    expect(writes).toEqual([]);
  });

  it('keeps a long agency id’s chain within the trail’s key', () => {
    expect(colourListChain('A1')).toBe('colours:A1');
    expect(colourListChain('A'.repeat(64)).length).toBeLessThanOrEqual(64);
  });
});
