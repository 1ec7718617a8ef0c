import { yearBefore } from './warning-jobs.js';

describe('the yearly warning tick', () => {
  it('reports the year before the scheduled time in Asia/Shanghai', () => {
    // 1 January 03:00 in Shanghai is still 31 December in UTC: the year is Shanghai's.
    expect(yearBefore(Date.parse('2026-01-01T03:00:00+08:00'))).toBe(2025);
    expect(yearBefore(Date.parse('2025-12-31T23:30:00+08:00'))).toBe(2024);
    expect(yearBefore(Date.parse('2025-12-31T16:30:00Z'))).toBe(2025);
  });
});
