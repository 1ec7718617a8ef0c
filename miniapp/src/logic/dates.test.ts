import { addDays, isCalendarDate } from '@mashang/shared';
import { chineseDate, chineseDateFromToday, shanghaiDateTime, shanghaiToday } from './dates';

describe('isCalendarDate', () => {
  it('accepts real dates written YYYY-MM-DD only', () => {
    expect(isCalendarDate('2026-11-29')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
    expect(isCalendarDate('2026/11/29')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-11-22', 7)).toBe('2026-11-29');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('shanghaiToday', () => {
  it('is already the next day in Shanghai after 16:00 UTC', () => {
    expect(shanghaiToday(Date.parse('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(shanghaiToday(Date.parse('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });
});

describe('chineseDate', () => {
  it('writes the date the Chinese way with the weekday', () => {
    expect(chineseDate('2026-12-02')).toBe('2026年12月2日 星期三');
    expect(chineseDate('2026-11-22')).toBe('2026年11月22日 星期日');
    expect(chineseDate('2026-12-02', false)).toBe('2026年12月2日');
    expect(chineseDate('soon')).toBe('soon');
  });
});

describe('chineseDateFromToday', () => {
  it('adds how many days away the date is', () => {
    expect(chineseDateFromToday('2026-12-09', '2026-12-06')).toBe('2026年12月9日 星期三（3天后）');
    expect(chineseDateFromToday('2026-12-06', '2026-12-06')).toBe('2026年12月6日 星期日（今天）');
    expect(chineseDateFromToday('2026-12-04', '2026-12-06')).toBe('2026年12月4日 星期五（2天前）');
    expect(chineseDateFromToday('2026-12', '2026-12-06')).toBe('2026-12');
  });
});

describe('shanghaiDateTime', () => {
  it('shows an instant in Shanghai wall time', () => {
    expect(shanghaiDateTime('2026-11-21T16:30:00.000Z')).toBe('2026-11-22 00:30');
    expect(shanghaiDateTime('not a time')).toBe('not a time');
  });
});
