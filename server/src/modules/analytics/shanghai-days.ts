import { addDays, daysBetween, shanghaiDate, SHANGHAI_OFFSET_MS } from '@mashang/shared';

const DAY_MS = 86_400_000;

/** The first instant of a date in Asia/Shanghai (UTC+8 all year). */
export function shanghaiDayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/**
 * The report window as of D: the `days` natural days ending on D inclusive, as the half-open
 * instant range [start, end) — a timestamp is in it exactly when its Asia/Shanghai date is.
 */
export function reportWindow(asOf: string, days: number): { firstDay: string; start: Date; end: Date } {
  const firstDay = addDays(asOf, -(days - 1));
  return { firstDay, start: shanghaiDayStart(firstDay), end: shanghaiDayStart(addDays(asOf, 1)) };
}

/** The day before the one an instant falls on in Asia/Shanghai: what a run at that instant reports on. */
export function previousShanghaiDay(instant: Date | number): string {
  return addDays(shanghaiDate(instant), -1);
}

/** The Asia/Shanghai date of an instant as a day number (days since 1970-01-01): differences are natural days. */
export function shanghaiDayNumber(instant: Date | number): number {
  return Math.floor((+instant + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** Natural days between two instants' Asia/Shanghai dates (b − a). */
export function shanghaiDaysApart(a: Date, b: Date): number {
  return daysBetween(shanghaiDate(a), shanghaiDate(b));
}

/** ISO 8601 in +08:00 to the second (milliseconds only when there are any). */
export function isoShanghai(instant: Date | null): string | null {
  if (instant === null) return null;
  const text = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${text.endsWith('.000Z') ? text.slice(0, 19) : text.slice(0, 23)}+08:00`;
}
