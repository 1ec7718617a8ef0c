import { isVisit, planKindLabel, visitCounts, visitsByMonth, PLAN_KINDS, PLAN_KIND_LABELS } from './visits.js';

describe('visits that are not inspections', () => {
  it('tells visits from inspections and labels every kind in Chinese', () => {
    expect(isVisit('return-visit')).toBe(true);
    expect(isVisit('policy-visit')).toBe(true);
    expect(isVisit('research-visit')).toBe(true);
    expect(isVisit('inspection')).toBe(false);
    expect(isVisit(undefined)).toBe(false);
    expect(isVisit('visit')).toBe(false);
    for (const kind of PLAN_KINDS) expect(PLAN_KIND_LABELS[kind]).toMatch(/[\u4e00-\u9fff]/);
    expect(planKindLabel('return-visit')).toBe('回访');
    expect(planKindLabel(null)).toBe('行政检查');
  });

  it('counts inspections and visits apart and together, every kind present', () => {
    const counts = visitCounts({ days: 365, since: '2025-12-07', inspections: 3, accompanied: 1, visits: [{ kind: 'return-visit', count: 2 }, { kind: 'research-visit', count: 1 }] });
    expect(counts.visits).toBe(3);
    expect(counts.total).toBe(6);
    expect(counts.accompanied).toBe(1);
    expect(counts.byKind).toEqual([
      { kind: 'return-visit', label: '回访', count: 2 },
      { kind: 'policy-visit', label: '政策宣传', count: 0 },
      { kind: 'research-visit', label: '走访调研', count: 1 },
    ]);
  });

  it('ignores a kind it does not know (an inspection counted as a visit would inflate the figure)', () => {
    const counts = visitCounts({ days: 365, since: '2025-12-07', inspections: 1, accompanied: 0, visits: [{ kind: 'inspection', count: 5 }] });
    expect(counts.visits).toBe(0);
    expect(counts.total).toBe(1);
  });

  it('groups the dashboard rows per agency and month, newest month first, with totals', () => {
    const view = visitsByMonth([
      { agencyId: 'B', month: '2026-11', column: 'return-visit', count: 2 },
      { agencyId: 'B', month: '2026-11', column: 'accompanied', count: 1 },
      { agencyId: 'A', month: '2026-12', column: 'policy-visit', count: 4 },
    ], new Map([['A', '市场监管局'], ['B', '营商环境局']]));
    expect(view.rows.map((r) => `${r.month} ${r.agencyName} ${r.total}`)).toEqual(['2026-12 市场监管局 4', '2026-11 营商环境局 3']);
    expect(view.rows[1].counts).toEqual({ 'return-visit': 2, 'policy-visit': 0, 'research-visit': 0, accompanied: 1 });
    expect(view.totals).toEqual({ 'return-visit': 2, 'policy-visit': 4, 'research-visit': 0, accompanied: 1 });
    expect(view.months).toEqual(['2026-11', '2026-12']);
  });
});
