import { monthsBefore, shareRows } from './share-rows.js';

describe('off-site share per agency and month', () => {
  it('puts the off-site checks against every finished check of the agency in the month', () => {
    const rows = shareRows(
      [{ agencyId: 'A1', month: '2026-11', count: 4 }, { agencyId: 'A2', month: '2026-11', count: 2 }, { agencyId: 'A1', month: '2026-10', count: 3 }],
      [{ agencyId: 'A1', month: '2026-11', count: 1 }],
      new Map([['A1', '市场监管局'], ['A2', '应急管理局']]),
    );
    expect(rows).toEqual([
      { agencyId: 'A1', agencyName: '市场监管局', month: '2026-10', total: 3, offsite: 0, share: 0 },
      { agencyId: 'A1', agencyName: '市场监管局', month: '2026-11', total: 4, offsite: 1, share: 0.25 },
      { agencyId: 'A2', agencyName: '应急管理局', month: '2026-11', total: 2, offsite: 0, share: 0 },
    ]);
  });

  it('never shows more off-site checks than checks', () => {
    expect(shareRows([], [{ agencyId: 'A1', month: '2026-11', count: 2 }], new Map())[0]).toMatchObject({ total: 2, offsite: 2, share: 1 });
  });

  it('counts months back across a year', () => {
    expect(monthsBefore('2026-11', 11)).toBe('2025-12');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
    expect(monthsBefore('2026-12', 0)).toBe('2026-12');
  });
});
