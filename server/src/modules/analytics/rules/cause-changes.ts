import { EXCHANGE_LIMITS } from '../../exchange/records/index.js';

/**
 * SQL over cases' cause changes, one row per entry: `cases.cause_changes` is a JSON list of
 * `{from, to, at}` with `at` in UTC (`…Z`, as the importer writes it). A recursive sequence
 * explodes it with JSON_EXTRACT, which MySQL 8, MariaDB and TiDB all have (JSON_TABLE is not on TiDB).
 */
export const CAUSE_CHANGE_SEQUENCE = `seq (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM seq WHERE k < ${EXCHANGE_LIMITS.causeChanges - 1})`;

const entry = (field: string) => `JSON_UNQUOTE(JSON_EXTRACT(c.cause_changes, CONCAT('$[', seq.k, '].${field}')))`;

/** Clause codes compare exactly (the JSON text may carry the table's case-insensitive collation). */
export const CHANGE_FROM = `CONVERT(${entry('from')} USING utf8mb4) COLLATE utf8mb4_bin`;
export const CHANGE_TO = `CONVERT(${entry('to')} USING utf8mb4) COLLATE utf8mb4_bin`;
export const CHANGE_AT = `CAST(REPLACE(REPLACE(${entry('at')}, 'T', ' '), 'Z', '') AS DATETIME(3))`;
/** Join `cases c` to this to get one row per entry. */
export const CHANGE_JOIN = 'JOIN seq ON seq.k < JSON_LENGTH(c.cause_changes)';

/** A change's `at`, stored in UTC (`…Z`, as the importer writes it); null if it is no instant. */
function changedAt(at: unknown): number | null {
  const time = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isNaN(time) ? null : time;
}

/**
 * The cause a case had at `end` (the first instant after D): the `from` of its earliest change at or
 * after `end` (the first listed, of changes at the same instant), else its cause now. The same reading
 * as the SQL above: at most `EXCHANGE_LIMITS.causeChanges` entries, a change without `from` keeps the cause.
 */
export function causeAsOf(cause: string, causeChanges: string | null, end: Date): string {
  if (!causeChanges) return cause;
  let entries: unknown;
  try {
    entries = JSON.parse(causeChanges);
  } catch {
    return cause;
  }
  if (!Array.isArray(entries)) return cause;
  let earliest: { at: number; from: unknown } | null = null;
  for (const entry of entries.slice(0, EXCHANGE_LIMITS.causeChanges) as { from?: unknown; at?: unknown }[]) {
    const at = changedAt(entry?.at);
    if (at !== null && at >= end.getTime() && (!earliest || at < earliest.at)) earliest = { at, from: entry.from };
  }
  return earliest && typeof earliest.from === 'string' ? earliest.from : cause;
}
