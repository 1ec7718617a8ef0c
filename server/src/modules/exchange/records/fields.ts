/**
 * Field validators shared by the record kinds, and the limits they apply.
 *
 * This runs once per line of imports of millions of lines, so it is written for speed: no
 * regular expressions or closures are created per call, and errors are only allocated when a
 * line is wrong.
 */
import { creditCodeProblem, CREDIT_CODE_PROBLEM_TEXT, toShanghaiIso, isCalendarDate } from '@mashang/shared';

/**
 * Length limits (in UTF-16 code units, which is never less than the character count a database
 * column measures) and other bounds the validator applies. Database columns should be at least
 * this wide.
 */
export const EXCHANGE_LIMITS = Object.freeze({
  /** ids, jointId, agency kind, violation clause codes (cause, causeChanges from/to) */
  id: 64,
  /** names of agencies, officers, items, enterprises; enterprise industry */
  name: 200,
  basis: 2000,
  comment: 2000,
  certNo: 64,
  phoneMin: 5,
  phoneMax: 20,
  /** most officers on one agency's record of an inspection or case */
  officerIds: 100,
  itemIds: 500,
  causeChanges: 100,
  extendedDays: 3650,
  minYear: 1900,
  maxYear: 2999,
});

/** One line's object as it appears in the exchange file. */
export type ExchangeObject = Record<string, unknown>;

export interface FieldError {
  /** Field path, e.g. `startedAt`, `officerIds[2]`, `causeChanges[0].at`; `(record)` for the whole line. */
  field: string;
  reason: string;
}

export type ValidationResult<T> = { ok: true; record: T } | { ok: false; errors: FieldError[] };

// ---------------------------------------------------------------------------------------------
// The validators share one error list per record (module state: validation is synchronous and
// never re-entered), allocated only when a field is wrong. A record kind's validator reads every
// field, then returns its record only when hasFieldErrors() is false; validateRecord clears the
// list before and takes it after.
// ---------------------------------------------------------------------------------------------

let errors: FieldError[] | null = null;

export function fail(field: string, reason: string): undefined {
  if (errors === null) errors = [];
  errors.push({ field, reason });
  return undefined;
}

/** Starts a record with no errors. */
export function clearFieldErrors(): void {
  errors = null;
}

/** True once a field of the current record was wrong. */
export function hasFieldErrors(): boolean {
  return errors !== null;
}

/** The errors of the current record (null when there were none), forgetting them. */
export function takeFieldErrors(): FieldError[] | null {
  const found = errors;
  errors = null;
  return found;
}

export const R_REQUIRED = 'is required';
export const R_STRING = 'must be a string';
const R_EMPTY = 'must not be empty';
const R_BLANK = 'must not be blank';
const R_CONTROL = 'must not contain control characters';
const R_BOOL = 'must be true or false';
const R_REGION = 'must be a 6-digit administrative division code, e.g. 410202';
const R_PHONE = `must be ${EXCHANGE_LIMITS.phoneMin}-${EXCHANGE_LIMITS.phoneMax} characters: digits with an optional leading + (omit the field or use null when unknown)`;
export const R_ARRAY = 'must be an array';
export const R_RECORD = 'must be a JSON object';

export function tooLong(max: number): string {
  return `must be at most ${max} characters`;
}
const R_LONG_ID = tooLong(EXCHANGE_LIMITS.id);
export const R_LONG_NAME = tooLong(EXCHANGE_LIMITS.name);

export interface EnumSpec<T extends string> {
  readonly values: ReadonlySet<string>;
  readonly reason: string;
  readonly _t?: T;
}
export function enumSpec<T extends string>(values: readonly T[]): EnumSpec<T> {
  return { values: new Set<string>(values), reason: `must be one of ${values.join(', ')}` };
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}

function isBlank(s: string): boolean {
  // Fast path: almost every value starts with a visible character.
  return isWhitespace(s.charCodeAt(0)) && s.trim().length === 0;
}

/** An opaque identifier or code: a non-blank string of at most 64 characters without control characters. */
export function idValue(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string') return fail(field, R_STRING);
  const n = v.length;
  if (n === 0) return fail(field, R_EMPTY);
  if (n > EXCHANGE_LIMITS.id) return fail(field, R_LONG_ID);
  let visible = false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return fail(field, R_CONTROL);
    if (!visible && !isWhitespace(c)) visible = true;
  }
  if (!visible) return fail(field, R_BLANK);
  return v;
}

export function optIdValue(v: unknown, field: string): string | null | undefined {
  if (v === undefined || v === null) return null;
  return idValue(v, field);
}

/** Free text: a non-blank string of at most `max` characters. */
export function textValue(v: unknown, field: string, max: number, longReason: string): string | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string') return fail(field, R_STRING);
  if (v.length === 0) return fail(field, R_EMPTY);
  if (v.length > max) return fail(field, longReason);
  if (isBlank(v)) return fail(field, R_BLANK);
  return v;
}

export function boolValue(v: unknown, field: string): boolean | undefined {
  if (v === true || v === false) return v;
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  return fail(field, R_BOOL);
}

/** Optional boolean: absent or null means false. */
export function optBoolValue(v: unknown, field: string): boolean | undefined {
  if (v === true || v === false) return v;
  if (v === undefined || v === null) return false;
  return fail(field, R_BOOL);
}

export function regionValue(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string') return fail(field, R_STRING);
  if (v.length !== 6) return fail(field, R_REGION);
  for (let i = 0; i < 6; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return fail(field, R_REGION);
  }
  return v;
}

const R_DATE = 'must be a calendar date written YYYY-MM-DD (omit the field or use null when unknown)';

/** An optional calendar date, YYYY-MM-DD (Asia/Shanghai days, as the format counts them). */
export function optDateValue(v: unknown, field: string): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || !isCalendarDate(v)) return fail(field, R_DATE);
  return v;
}

export function phoneValue(v: unknown, field: string): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return fail(field, R_STRING);
  const n = v.length;
  if (n < EXCHANGE_LIMITS.phoneMin || n > EXCHANGE_LIMITS.phoneMax) return fail(field, R_PHONE);
  for (let i = v.charCodeAt(0) === 43 /* + */ ? 1 : 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return fail(field, R_PHONE);
  }
  return v;
}

/**
 * Recently seen valid credit codes: inspections, cases and ratings repeat the same enterprises,
 * and a set lookup is several times cheaper than the two check-digit computations. Bounded.
 */
const VALID_CODES = new Set<string>();
const VALID_CODES_MAX = 1 << 16;

export function creditCodeValue(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string') return fail(field, R_STRING);
  if (VALID_CODES.has(v)) return v;
  const problem = creditCodeProblem(v);
  if (problem !== null) return fail(field, CREDIT_CODE_PROBLEM_TEXT[problem]);
  if (VALID_CODES.size >= VALID_CODES_MAX) VALID_CODES.clear();
  VALID_CODES.add(v);
  return v;
}

export function enumValue<T extends string>(v: unknown, field: string, spec: EnumSpec<T>): T | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string' || !spec.values.has(v)) return fail(field, spec.reason);
  return v as T;
}

export function intValue(v: unknown, field: string, min: number, max: number, reason: string): number | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return fail(field, reason);
  return v;
}

/** A path of an array element, built only when there is an error to report. */
export function elementPath(field: string, index: number): string {
  return `${field}[${index}]`;
}

/** An array of distinct ids with at least `min` and at most `max` entries. */
export function idListValue(v: unknown, field: string, min: number, max: number): string[] | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (!Array.isArray(v)) return fail(field, R_ARRAY);
  const n = v.length;
  if (n < min) return fail(field, min === 1 ? 'must list at least one id' : `must list at least ${min} ids`);
  if (n > max) return fail(field, `must list at most ${max} ids`);
  let ok = true;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const e = v[i];
    if (typeof e === 'string' && e.length > 0 && e.length <= EXCHANGE_LIMITS.id) {
      // Common case first; the full check only when the element needs a closer look.
      let plain = true;
      for (let k = 0; k < e.length; k++) {
        const c = e.charCodeAt(k);
        if (c <= 0x20 || c === 0x7f || c === 0xa0 || c === 0x3000 || c === 0xfeff) {
          plain = false;
          break;
        }
      }
      if (plain) {
        out[i] = e;
        continue;
      }
    }
    const checked = idValue(e, elementPath(field, i));
    if (checked === undefined) ok = false;
    else out[i] = checked;
  }
  if (!ok) return undefined;
  if (n > 1) {
    if (n <= 16) {
      for (let i = 1; i < n; i++) {
        for (let j = 0; j < i; j++) {
          if (out[i] === out[j]) {
            fail(elementPath(field, i), `duplicates ${elementPath(field, j)} (${out[j]})`);
            ok = false;
            break;
          }
        }
      }
    } else {
      const seen = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const j = seen.get(out[i]);
        if (j !== undefined) {
          fail(elementPath(field, i), `duplicates ${elementPath(field, j)} (${out[i]})`);
          ok = false;
        } else seen.set(out[i], i);
      }
    }
  }
  return ok ? out : undefined;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A timestamp as written to exchange files: ISO 8601 in Asia/Shanghai with milliseconds. */
export function iso(d: Date): string {
  return toShanghaiIso(d);
}
