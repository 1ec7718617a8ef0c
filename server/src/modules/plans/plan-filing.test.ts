import { busiestYearWith, filingRefusals, type FilingInput } from './plan-filing.js';

const base: FilingInput = {
  trigger: 'planned',
  date: '2026-12-01',
  today: '2026-11-24',
  enterprise: { creditGrade: 'B', lowTouch: false },
  noDisturbItems: [],
  otherPlannedDates: [],
};
const rules = (input: Partial<FilingInput>) => filingRefusals({ ...base, ...input }).map((r) => r.rule);

describe('filing rules', () => {
  it('files a planned inspection exactly 7 natural days ahead, not 6', () => {
    expect(rules({})).toEqual([]);
    const refusals = filingRefusals({ ...base, date: '2026-11-30' });
    expect(refusals).toEqual([expect.objectContaining({ rule: 'advance-notice', remedy: expect.stringContaining('2026-12-01') })]);
  });

  it('lets the green channel file any date but only with a reason', () => {
    expect(rules({ trigger: 'complaint', date: '2026-11-24', reason: '12345热线投诉 No.8812' })).toEqual([]);
    expect(rules({ trigger: 'superior', date: '2026-11-24', reason: '  ' })).toEqual(['trigger-reason']);
    expect(rules({ trigger: 'emergency', date: '2026-11-24', reason: '燃气泄漏' })).toEqual([]);
  });

  it('keeps planned inspections away from 无感监管 enterprises and 无事不扰 items, but not triggered ones', () => {
    expect(rules({ enterprise: { creditGrade: 'A', lowTouch: true } })).toEqual(['low-touch']);
    expect(rules({ noDisturbItems: ['环评执行情况检查'] })).toEqual(['no-disturb-item']);
    expect(rules({ trigger: 'complaint', reason: '投诉', enterprise: { creditGrade: 'A', lowTouch: true }, noDisturbItems: ['x'] })).toEqual([]);
  });

  it('caps planned inspections per 365 days by credit grade: A 1, B 2, C 4, D none', () => {
    expect(rules({ enterprise: { creditGrade: 'A', lowTouch: false }, otherPlannedDates: ['2026-03-01'] })).toEqual(['credit-cap']);
    expect(rules({ enterprise: { creditGrade: 'A', lowTouch: false }, otherPlannedDates: ['2025-12-01'] })).toEqual([]); // 365 days before
    expect(rules({ enterprise: { creditGrade: 'A', lowTouch: false }, otherPlannedDates: ['2025-12-02'] })).toEqual(['credit-cap']); // 364
    expect(rules({ otherPlannedDates: ['2026-03-01'] })).toEqual([]);
    expect(rules({ otherPlannedDates: ['2026-03-01', '2027-02-01'] })).toEqual(['credit-cap']);
    expect(rules({ enterprise: { creditGrade: 'C', lowTouch: false }, otherPlannedDates: ['2026-02-01', '2026-05-01', '2026-08-01'] })).toEqual([]);
    expect(rules({ enterprise: { creditGrade: 'D', lowTouch: false }, otherPlannedDates: Array(20).fill('2026-06-01') })).toEqual([]);
  });

  it('counts the busiest 365-day window, not everything within a year on either side', () => {
    // 300 days before and 300 days after: no single 365-day window holds all three.
    expect(busiestYearWith('2026-06-01', ['2025-08-05', '2027-03-28'])).toBe(2);
    expect(busiestYearWith('2026-06-01', ['2025-08-05', '2026-07-01'])).toBe(3);
    expect(busiestYearWith('2026-06-01', [])).toBe(1);
  });
});
