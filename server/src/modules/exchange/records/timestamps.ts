/** Timestamps of the exchange format: ISO 8601 with a mandatory offset, parsed without regular expressions. */
import { EXCHANGE_LIMITS, fail, R_REQUIRED } from './fields.js';

const R_TS_FORMAT = 'must be an ISO 8601 timestamp with an offset, e.g. 2026-03-01T09:30:00+08:00';
const R_TS_OFFSET = 'has no UTC offset: add Z or +08:00, e.g. 2026-03-01T09:30:00+08:00';
const R_TS_INVALID = 'is not a real date and time (check month, day, hour, minute and second)';
const R_TS_OFFSET_RANGE = 'has an offset out of range (hours 00-23, minutes 00-59)';
const R_TS_YEAR = `must have a year from ${EXCHANGE_LIMITS.minYear} to ${EXCHANGE_LIMITS.maxYear}`;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  // NaN (past the end) fails both comparisons.
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
  return a * 10 + b;
}

/** Reason of the last failed parseTimestamp. */
let timestampReason = R_TS_FORMAT;

/**
 * Parses an ISO 8601 extended-format date-time with seconds optional, fractions of a second
 * optional (kept to the millisecond), and a mandatory offset: `Z`, `±HH:MM`, `±HHMM` or `±HH`.
 * Returns epoch milliseconds, or NaN with `timestampReason` set.
 */
function parseTimestamp(s: string): number {
  const n = s.length;
  const y1 = twoDigits(s, 0);
  const y2 = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  if (
    y1 < 0 || y2 < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 ||
    s.charCodeAt(4) !== 45 /* - */ || s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58 /* : */
  ) {
    timestampReason = R_TS_FORMAT;
    return NaN;
  }
  const year = y1 * 100 + y2;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58 /* : */) {
    second = twoDigits(s, i + 1);
    if (second < 0) {
      timestampReason = R_TS_FORMAT;
      return NaN;
    }
    i += 3;
    const sep = s.charCodeAt(i);
    if (sep === 46 /* . */ || sep === 44 /* , */) {
      i++;
      const start = i;
      let scale = 100;
      for (;;) {
        const d = s.charCodeAt(i) - 48;
        if (!(d >= 0 && d <= 9)) break;
        if (scale >= 1) {
          ms += d * scale;
          scale /= 10;
        }
        i++;
      }
      if (i === start) {
        timestampReason = R_TS_FORMAT;
        return NaN;
      }
    }
  }
  let offsetMinutes: number;
  if (i === n) {
    timestampReason = R_TS_OFFSET;
    return NaN;
  }
  const c = s.charCodeAt(i);
  if (c === 90 /* Z */) {
    if (i + 1 !== n) {
      timestampReason = R_TS_FORMAT;
      return NaN;
    }
    offsetMinutes = 0;
  } else if (c === 43 /* + */ || c === 45 /* - */) {
    const oh = twoDigits(s, i + 1);
    let om: number;
    if (n === i + 6 && s.charCodeAt(i + 3) === 58) om = twoDigits(s, i + 4);
    else if (n === i + 5) om = twoDigits(s, i + 3);
    else if (n === i + 3) om = 0;
    else om = -1;
    if (oh < 0 || om < 0) {
      timestampReason = R_TS_FORMAT;
      return NaN;
    }
    if (oh > 23 || om > 59) {
      timestampReason = R_TS_OFFSET_RANGE;
      return NaN;
    }
    offsetMinutes = (c === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    timestampReason = R_TS_FORMAT;
    return NaN;
  }
  if (year < EXCHANGE_LIMITS.minYear || year > EXCHANGE_LIMITS.maxYear) {
    timestampReason = R_TS_YEAR;
    return NaN;
  }
  const leap = month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0;
  if (
    month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month] + leap ||
    hour > 23 || minute > 59 || second > 59
  ) {
    timestampReason = R_TS_INVALID;
    return NaN;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}

export function timestampValue(v: unknown, field: string): Date | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string') return fail(field, R_TS_FORMAT);
  const t = parseTimestamp(v);
  if (t !== t) return fail(field, timestampReason);
  return new Date(t);
}

export function optTimestampValue(v: unknown, field: string): Date | null | undefined {
  if (v === undefined || v === null) return null;
  return timestampValue(v, field);
}
