/* The periods the disputed-clause page offers with one tap, from today (YYYY-MM-DD, Asia/Shanghai). */
import { addDays, isCalendarDate } from '@mashang/shared';

export interface Period {
  from: string;
  to: string;
}

export const PERIOD_PRESETS: readonly { key: string; label: string; of: (today: string) => Period }[] = [
  { key: 'this-year', label: '今年以来', of: (today) => ({ from: `${today.slice(0, 4)}-01-01`, to: today }) },
  { key: 'last-12-months', label: '近一年', of: (today) => ({ from: addDays(today, -364), to: today }) },
  {
    key: 'last-year',
    label: '上一年度',
    of: (today) => {
      const year = Number(today.slice(0, 4)) - 1;
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    },
  },
];

/** What is wrong with a typed period, in Chinese; null when it can be asked for. */
export function periodProblem(period: Period): string | null {
  if (!isCalendarDate(period.from) || !isCalendarDate(period.to)) return '请按 YYYY-MM-DD 填写起止日期';
  if (period.from > period.to) return '起始日期不能晚于截止日期';
  return null;
}

/** The years the warning page offers: the stored ones and the two latest, newest first. */
export function warningYears(stored: readonly number[], today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [...new Set([year, year - 1, ...stored])].filter((y) => y <= year).sort((a, b) => b - a);
}
