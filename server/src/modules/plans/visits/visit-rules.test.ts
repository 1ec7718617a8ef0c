import { accompanyRefusal, itemsProblem, visitFilingRefusals, type AccompanyTarget } from './visit-rules.js';

describe('visit rules', () => {
  it('refuses a visit only for a past date: none of the inspection filing rules apply', () => {
    expect(visitFilingRefusals({ date: '2026-12-06', today: '2026-12-06' })).toEqual([]);
    expect(visitFilingRefusals({ date: '2026-12-07', today: '2026-12-06' })).toEqual([]);
    expect(visitFilingRefusals({ date: '2026-12-05', today: '2026-12-06' }).map((r) => r.rule)).toEqual(['past-date']);
  });

  it('wants items for an inspection and none for a visit', () => {
    expect(itemsProblem('inspection', [])).toMatch(/至少/);
    expect(itemsProblem('inspection', ['I1'])).toBeNull();
    expect(itemsProblem('return-visit', [])).toBeNull();
    expect(itemsProblem('policy-visit', ['I1'])).toMatch(/不填写检查事项/);
  });

  const target: AccompanyTarget = { kind: 'inspection', status: 'active', agencyId: 'A1', inspectionDate: '2026-12-06', finished: false, officerOnPlan: false };

  it("lets another agency's officer accompany an active inspection to come or under way", () => {
    expect(accompanyRefusal(target, 'BIZ', '2026-12-06')).toBeNull();
    expect(accompanyRefusal({ ...target, inspectionDate: '2026-12-20' }, 'BIZ', '2026-12-06')).toBeNull();
  });

  it('refuses a visit, an inactive plan, its own agency and an inspection over', () => {
    expect(accompanyRefusal({ ...target, kind: 'return-visit' }, 'BIZ', '2026-12-06')?.rule).toBe('not-an-inspection');
    expect(accompanyRefusal({ ...target, status: 'cancelled' }, 'BIZ', '2026-12-06')?.rule).toBe('plan-inactive');
    expect(accompanyRefusal({ ...target, status: 'awaiting' }, 'BIZ', '2026-12-06')?.rule).toBe('plan-inactive');
    expect(accompanyRefusal(target, 'A1', '2026-12-06')?.rule).toBe('own-agency');
    expect(accompanyRefusal({ ...target, officerOnPlan: true }, 'BIZ', '2026-12-06')?.rule).toBe('own-agency');
    expect(accompanyRefusal({ ...target, finished: true }, 'BIZ', '2026-12-06')?.rule).toBe('inspection-over');
    expect(accompanyRefusal(target, 'BIZ', '2026-12-07')?.rule).toBe('inspection-over');
  });
});
