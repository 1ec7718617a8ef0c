import { describe, expect, it } from '@jest/globals';
import { addDays, isCalendarDate } from '@mashang/shared';
import { isoShanghai, previousShanghaiDay, reportWindow, shanghaiDayStart, shanghaiDaysApart } from './shanghai-days.js';

describe('Asia/Shanghai day arithmetic', () => {
  it('starts a day at 16:00 UTC the day before', () => {
    expect(shanghaiDayStart('2026-11-20').toISOString()).toBe('2026-11-19T16:00:00.000Z');
  });

  it('makes the 365-day window end on D inclusive, as a half-open instant range', () => {
    const w = reportWindow('2026-11-20', 365);
    expect(w.firstDay).toBe('2025-11-21');
    expect(w.start.toISOString()).toBe('2025-11-20T16:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-11-20T16:00:00.000Z');
    // 23:30+08:00 on D is inside; 00:00+08:00 the next day is not.
    expect(new Date('2026-11-20T23:30:00+08:00') < w.end).toBe(true);
    expect(new Date('2026-11-21T00:00:00+08:00') < w.end).toBe(false);
    // D−364 is the first day in, D−365 the last day out.
    expect(new Date('2025-11-21T00:00:00+08:00') >= w.start).toBe(true);
    expect(new Date('2025-11-20T23:59:59+08:00') >= w.start).toBe(false);
    // Across a leap day the window still counts natural days.
    expect(reportWindow('2024-03-01', 365).firstDay).toBe('2023-03-03');
  });

  it('counts natural days by the Shanghai date, whatever the offset written', () => {
    // 15:30Z is 23:30 in Shanghai: the same day as 23:30+08:00.
    expect(shanghaiDaysApart(new Date('2026-10-20T23:30:00+08:00'), new Date('2026-11-19T15:30:00Z'))).toBe(30);
    expect(shanghaiDaysApart(new Date('2026-04-01T23:30:00+08:00'), new Date('2026-04-08T16:10:00Z'))).toBe(8);
    expect(shanghaiDaysApart(new Date('2026-11-20T00:10:00+08:00'), new Date('2026-11-20T23:50:00+08:00'))).toBe(0);
  });

  it('reports on the previous Shanghai day of the run', () => {
    expect(previousShanghaiDay(Date.parse('2026-11-21T02:00:00+08:00'))).toBe('2026-11-20');
    // 18:00Z on the 20th is already 02:00 on the 21st in Shanghai.
    expect(previousShanghaiDay(Date.parse('2026-11-20T18:00:00Z'))).toBe('2026-11-20');
    expect(previousShanghaiDay(Date.parse('2026-11-20T15:59:00Z'))).toBe('2026-11-19');
  });

  it('checks dates and adds days across months and years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('formats instants in +08:00 to the second', () => {
    expect(isoShanghai(new Date('2026-11-20T18:00:07Z'))).toBe('2026-11-21T02:00:07+08:00');
    expect(isoShanghai(new Date('2026-11-20T18:00:07.250Z'))).toBe('2026-11-21T02:00:07.250+08:00');
    expect(isoShanghai(null)).toBeNull();
  });
});
