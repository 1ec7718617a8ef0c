import { EXCHANGE_LIMITS } from '../../exchange/exchange-records.js';

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
