import { isCalendarDate, type FieldError } from '@mashang/shared';

/**
 * The period a report covers: `from` and `to` (YYYY-MM-DD, Asia/Shanghai, both included); by default
 * from the first of January of `today`'s year to `today`. Problems name the field.
 */
export function reportPeriod(from: string | undefined, to: string | undefined, today: string): { period: { from: string; to: string } | null; problems: FieldError[] } {
  const problems: FieldError[] = [];
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !isCalendarDate(value)) problems.push({ field, reason: '须为有效日期 YYYY-MM-DD' });
    else if (value !== undefined && (value < '1900-01-01' || value > '2999-12-31')) problems.push({ field, reason: '须在 1900 年至 2999 年之间' });
  }
  if (problems.length) return { period: null, problems };
  const end = to ?? today;
  const start = from ?? `${end.slice(0, 4)}-01-01`;
  if (start > end) return { period: null, problems: [{ field: 'from', reason: `起始日期不能晚于截止日期 ${end}` }] };
  return { period: { from: start, to: end }, problems };
}
