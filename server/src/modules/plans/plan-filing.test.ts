import { busiestYearWith, emergencyFilingFrom, filingRefusals, type FilingInput } from './plan-filing.js';

const base: FilingInput = {
  trigger: 'planned',
  date: '2026-12-01',
  today: '2026-11-24',
  emergencyFrom: '2026-11-23',
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

  it('refuses a past date for every trigger, with the first date that may be filed', () => {
    expect(filingRefusals({ ...base, date: '2026-11-23' })).toEqual([expect.objectContaining({ rule: 'past-date', remedy: expect.stringContaining('2026-12-01') })]);
    expect(filingRefusals({ ...base, date: '2026-11-20', trigger: 'complaint', reason: '投诉' })).toEqual([expect.objectContaining({ rule: 'past-date', remedy: expect.stringContaining('2026-11-24') })]);
    expect(rules({ date: '2026-11-23', trigger: 'superior', reason: ' ' })).toEqual(['past-date', 'trigger-reason']);
  });

  it('lets an emergency be filed afterwards (先检查后补码) for a date whose code is still due, no earlier', () => {
    expect(rules({ trigger: 'emergency', reason: '燃气泄漏', date: '2026-11-23' })).toEqual([]);
    const refusals = filingRefusals({ ...base, trigger: 'emergency', reason: '燃气泄漏', date: '2026-11-22' });
    expect(refusals).toEqual([expect.objectContaining({ rule: 'past-date', message: expect.stringContaining('先检查后补码'), remedy: expect.stringContaining('2026-11-23') })]);
  });

  it('counts the emergency window from the end of the inspection date, Asia/Shanghai', () => {
    // 10:00 on the 24th: begun on the 23rd just before midnight, a 24-hour code is due until midnight tonight.
    expect(emergencyFilingFrom(new Date('2026-11-24T02:00:00Z'), 24)).toBe('2026-11-23');
    expect(emergencyFilingFrom(new Date('2026-11-24T15:59:59Z'), 24)).toBe('2026-11-23');
    expect(emergencyFilingFrom(new Date('2026-11-24T16:00:00Z'), 24)).toBe('2026-11-24');
    expect(emergencyFilingFrom(new Date('2026-11-24T02:00:00Z'), 48)).toBe('2026-11-22');
    // 00:30 on the 25th with a 1-hour deadline: the 24th's inspection may have begun at 23:59.
    expect(emergencyFilingFrom(new Date('2026-11-24T16:30:00Z'), 1)).toBe('2026-11-24');
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

  it('checks a 无感监管 enterprise off-site without a trigger; on site only with the officer\'s reason', () => {
    const lowTouch = { creditGrade: 'B' as const, lowTouch: true };
    expect(rules({ enterprise: lowTouch, mode: 'offsite' })).toEqual([]);
    expect(rules({ enterprise: lowTouch, mode: 'onsite' })).toEqual(['low-touch']);
    expect(rules({ enterprise: lowTouch, mode: 'onsite', modeReason: '  ' })).toEqual(['low-touch']);
    expect(rules({ enterprise: lowTouch, mode: 'onsite', modeReason: '设备老化需现场查看' })).toEqual([]);
    // Off-site asks nothing of a 无事不扰 item's premises either; the other rules still hold.
    expect(rules({ noDisturbItems: ['环评执行情况检查'], mode: 'offsite' })).toEqual([]);
    expect(rules({ enterprise: { creditGrade: 'A', lowTouch: true }, mode: 'offsite', otherPlannedDates: ['2026-03-01'] })).toEqual(['credit-cap']);
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
