/** China has no daylight saving: Asia/Shanghai is UTC+8 all year. */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date | string | number): string {
  const t = new Date(instant).getTime() + SHANGHAI_OFFSET_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** Natural days from date a to date b (YYYY-MM-DD), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Whether text is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === text;
}

/** The date `days` natural days after a YYYY-MM-DD date (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Formats an instant in ISO 8601 with the +08:00 offset, e.g. 2026-03-01T09:30:00.000+08:00. */
export function toShanghaiIso(instant: Date | string | number): string {
  const t = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${t.slice(0, -1)}+08:00`;
}

/** An instant as Asia/Shanghai local time to the minute, e.g. 2026-03-01 09:30. */
export function shanghaiDateTime(instant: Date | string | number): string {
  const t = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
