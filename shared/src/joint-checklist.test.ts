import { basisKey, mergeChecklist, stakesOfPlan, type ChecklistStake } from './joint-checklist.js';

const stake = (planId: string, agencyId: string, itemId: string, basis: string, itemName = itemId): ChecklistStake & { basis: string } => ({
  planId, agencyId, agencyName: `${agencyId}局`, itemId, itemName, basis, finding: null,
});

describe('basisKey', () => {
  it('reads the same article typed with other spacing, marks and full-width characters as one', () => {
    expect(basisKey('《消防法》第十六条')).toBe(basisKey(' 消防法 第十六条。'));
    expect(basisKey('食品安全法第３４条')).toBe(basisKey('食品安全法第34条'));
  });
  it('keeps different articles apart', () => {
    expect(basisKey('《消防法》第十六条')).not.toBe(basisKey('《消防法》第十七条'));
  });
});

describe('mergeChecklist', () => {
  const stakes = [
    stake('p1', 'fire', 'f1', '《消防法》第十六条', '消防设施'),
    stake('p1', 'fire', 'f2', '《消防法》第二十八条', '疏散通道'),
    stake('p2', 'market', 'm1', '《食品安全法》第三十四条', '过期食品'),
    stake('p2', 'market', 'm2', '消防法第十六条', '消防器材'),
    stake('p3', 'health', 'h1', '', '从业人员健康证'),
  ];

  it('shows items of the same legal basis once, with each agency’s stake, in the order the bases first appear', () => {
    const rows = mergeChecklist(stakes);
    expect(rows.map((r) => r.name)).toEqual(['消防设施', '疏散通道', '过期食品', '从业人员健康证']);
    expect(rows[0].stakes.map((s) => [s.planId, s.itemId, s.itemName])).toEqual([['p1', 'f1', '消防设施'], ['p2', 'm2', '消防器材']]);
    expect(rows[0].basis).toBe('《消防法》第十六条');
    expect(rows.every((r) => r.stakes.every((s) => !('basis' in s)))).toBe(true);
  });

  it('keeps every stake exactly once: nothing lost, nothing doubled', () => {
    const rows = mergeChecklist([...stakes, stakes[0]]);
    const all = rows.flatMap((r) => r.stakes.map((s) => `${s.planId}/${s.itemId}`)).sort();
    expect(all).toEqual(['p1/f1', 'p1/f2', 'p2/m1', 'p2/m2', 'p3/h1']);
  });

  it('never merges items without a basis', () => {
    const rows = mergeChecklist([stake('p1', 'a', 'x', ''), stake('p2', 'b', 'y', '  ')]);
    expect(rows).toHaveLength(2);
  });

  it('gives each agency’s plan its own stakes back', () => {
    const rows = mergeChecklist(stakes);
    expect(stakesOfPlan(rows, 'p2').map((s) => s.itemId)).toEqual(['m2', 'm1']);
  });
});
