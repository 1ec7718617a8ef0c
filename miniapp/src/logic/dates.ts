import { SHANGHAI_OFFSET_MS, shanghaiDate } from '@mashang/shared';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether text is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_SHAPE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date `days` natural days after a YYYY-MM-DD date (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now: number = Date.now()): string {
  return shanghaiDate(now);
}

/** 2026-12-02 → 2026年12月2日 星期三 (for people, not forms); anything else is shown as it is. */
export function chineseDate(date: string, withWeekday = true): string {
  if (!isCalendarDate(date)) return date;
  const [year, month, day] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${year}年${month}月${day}日${withWeekday ? ` 星期${weekday}` : ''}`;
}

/** An instant as Asia/Shanghai wall time, YYYY-MM-DD HH:mm; unreadable input is shown as it is. */
export function shanghaiDateTime(instant: string | number | Date): string {
  const t = new Date(instant).getTime();
  if (Number.isNaN(t)) return String(instant);
  const iso = new Date(t + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
