/**
 * Records of the data exchange format v1 (`shared/spec/exchange-format.md`): per-line validation
 * and normalisation of the seven JSON Lines files, the inverse serialisation used by export,
 * and the upsert key of each kind.
 *
 * This runs once per line of imports of millions of lines, so it is written for speed: no
 * regular expressions or closures are created per call, errors are only allocated when a line
 * is wrong, and every record of one kind is built with the same shape.
 */
import { creditCodeProblem, CREDIT_CODE_PROBLEM_TEXT, toShanghaiIso, CREDIT_GRADES, type CreditGrade } from '@mashang/shared';

// ---------------------------------------------------------------------------------------------
// Files and kinds
// ---------------------------------------------------------------------------------------------

/** The seven kinds in import order: every reference points to a kind earlier in the list. */
export const EXCHANGE_KINDS = [
  'agencies',
  'officers',
  'items',
  'enterprises',
  'inspections',
  'cases',
  'ratings',
] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

export interface ExchangeFile {
  readonly kind: ExchangeKind;
  /** File name inside a dataset folder, `<kind>.jsonl`. */
  readonly file: string;
}

/** The files of a dataset, in import order (references point backwards). */
export const EXCHANGE_FILES: readonly ExchangeFile[] = Object.freeze(
  EXCHANGE_KINDS.map((kind) => Object.freeze({ kind, file: `${kind}.jsonl` })),
);

export function exchangeFileName(kind: ExchangeKind): string {
  return `${kind}.jsonl`;
}

export function isExchangeKind(value: string): value is ExchangeKind {
  return (EXCHANGE_KINDS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Enumerations and limits
// ---------------------------------------------------------------------------------------------


export const INSPECTION_TRIGGERS = ['planned', 'complaint', 'superior', 'undercover', 'emergency', 'other'] as const;
export type InspectionTrigger = (typeof INSPECTION_TRIGGERS)[number];

export const INSPECTION_RESULTS = ['pass', 'rectify', 'case'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

export const DISCRETION_LEVELS = ['light', 'general', 'severe'] as const;
export type DiscretionLevel = (typeof DISCRETION_LEVELS)[number];

export const CASE_STATUSES = ['filed', 'decided', 'closed', 'revoked'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const RATING_VERDICTS = ['approve', 'disapprove'] as const;
export type RatingVerdict = (typeof RATING_VERDICTS)[number];

/** In canonical order: a record's flags are normalised to this order. */
export const RATING_FLAGS = ['repeated', 'inaction', 'excessive', 'other'] as const;
export type RatingFlag = (typeof RATING_FLAGS)[number];

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

// ---------------------------------------------------------------------------------------------
// Records (normalised)
// ---------------------------------------------------------------------------------------------

export interface AgencyRecord {
  id: string;
  name: string;
  /** Industry authority, e.g. `market`, `fire`; agencies of one kind are the same industry. */
  kind: string;
  /** 6-digit administrative division code. */
  region: string;
}

export interface OfficerRecord {
  id: string;
  agencyId: string;
  name: string;
  /** 执法证号 */
  certNo: string;
  phone: string | null;
}

export interface ItemRecord {
  id: string;
  agencyId: string;
  name: string;
  /** Legal basis text. */
  basis: string;
  /** On the 无事不扰 list. */
  noDisturb: boolean;
}

export interface EnterpriseRecord {
  creditCode: string;
  name: string;
  industry: string;
  region: string;
  phone: string | null;
  creditGrade: CreditGrade;
  /** On the 无感监管 list. */
  lowTouch: boolean;
}

export interface InspectionRecord {
  id: string;
  agencyId: string;
  officerIds: string[];
  creditCode: string;
  itemIds: string[];
  trigger: InspectionTrigger;
  /** Shared by every agency's record of one joint inspection; null when alone. */
  jointId: string | null;
  startedAt: Date;
  finishedAt: Date;
  /** An inspection code existed when it started. */
  coded: boolean;
  /** When the code was issued, for codes filed late. */
  codedAt: Date | null;
  result: InspectionResult;
}

export interface CauseChange {
  from: string;
  to: string;
  at: Date;
}

export interface CaseRecord {
  id: string;
  agencyId: string;
  officerIds: string[];
  creditCode: string;
  inspectionId: string | null;
  /** Violation clause code. */
  cause: string;
  discretionLevel: DiscretionLevel;
  /** In fen. */
  fine: number;
  status: CaseStatus;
  filedAt: Date;
  decidedAt: Date | null;
  closedAt: Date | null;
  revokedAt: Date | null;
  causeChanges: CauseChange[];
  /** Approved extension of the 90-day limit, in days. */
  extendedDays: number;
  coercive: boolean;
}

export interface RatingRecord {
  inspectionId: string;
  agencyId: string;
  language: number;
  procedure: number;
  manner: number;
  fairness: number;
  verdict: RatingVerdict;
  flags: RatingFlag[];
  comment: string | null;
  ratedAt: Date;
}

export interface ExchangeRecordMap {
  agencies: AgencyRecord;
  officers: OfficerRecord;
  items: ItemRecord;
  enterprises: EnterpriseRecord;
  inspections: InspectionRecord;
  cases: CaseRecord;
  ratings: RatingRecord;
}
export type ExchangeRecord<K extends ExchangeKind = ExchangeKind> = ExchangeRecordMap[K];

/** One line's object as it appears in the exchange file. */
export type ExchangeObject = Record<string, unknown>;

export interface FieldError {
  /** Field path, e.g. `startedAt`, `officerIds[2]`, `causeChanges[0].at`; `(record)` for the whole line. */
  field: string;
  reason: string;
}

export type ValidationResult<T> = { ok: true; record: T } | { ok: false; errors: FieldError[] };

// ---------------------------------------------------------------------------------------------
// Validation primitives. They share one error list per call (module state: validation is
// synchronous and never re-entered), allocated only when a field is wrong.
// ---------------------------------------------------------------------------------------------

let errors: FieldError[] | null = null;

function fail(field: string, reason: string): undefined {
  if (errors === null) errors = [];
  errors.push({ field, reason });
  return undefined;
}

const R_REQUIRED = 'is required';
const R_STRING = 'must be a string';
const R_EMPTY = 'must not be empty';
const R_BLANK = 'must not be blank';
const R_CONTROL = 'must not contain control characters';
const R_BOOL = 'must be true or false';
const R_REGION = 'must be a 6-digit administrative division code, e.g. 410202';
const R_PHONE = `must be ${EXCHANGE_LIMITS.phoneMin}-${EXCHANGE_LIMITS.phoneMax} characters: digits with an optional leading + (omit the field or use null when unknown)`;
const R_ARRAY = 'must be an array';
const R_TS_FORMAT = 'must be an ISO 8601 timestamp with an offset, e.g. 2026-03-01T09:30:00+08:00';
const R_TS_OFFSET = 'has no UTC offset: add Z or +08:00, e.g. 2026-03-01T09:30:00+08:00';
const R_TS_INVALID = 'is not a real date and time (check month, day, hour, minute and second)';
const R_TS_OFFSET_RANGE = 'has an offset out of range (hours 00-23, minutes 00-59)';
const R_TS_YEAR = `must have a year from ${EXCHANGE_LIMITS.minYear} to ${EXCHANGE_LIMITS.maxYear}`;
const R_FINE = 'must be a non-negative integer number of fen (1 yuan = 100 fen)';
const R_EXTENDED = `must be an integer number of days from 0 to ${EXCHANGE_LIMITS.extendedDays}`;
const R_SCORE = 'must be an integer from 1 to 5';
const R_OBJECT = 'must be an object';
const R_RECORD = 'must be a JSON object';
const R_FINISHED = 'must be later than startedAt';

function tooLong(max: number): string {
  return `must be at most ${max} characters`;
}
const R_LONG_ID = tooLong(EXCHANGE_LIMITS.id);
const R_LONG_NAME = tooLong(EXCHANGE_LIMITS.name);
const R_LONG_BASIS = tooLong(EXCHANGE_LIMITS.basis);
const R_LONG_COMMENT = tooLong(EXCHANGE_LIMITS.comment);
const R_LONG_CERT = tooLong(EXCHANGE_LIMITS.certNo);

interface EnumSpec<T extends string> {
  readonly values: ReadonlySet<string>;
  readonly reason: string;
  readonly _t?: T;
}
function enumSpec<T extends string>(values: readonly T[]): EnumSpec<T> {
  return { values: new Set<string>(values), reason: `must be one of ${values.join(', ')}` };
}
const E_GRADE = enumSpec(CREDIT_GRADES);
const E_TRIGGER = enumSpec(INSPECTION_TRIGGERS);
const E_RESULT = enumSpec(INSPECTION_RESULTS);
const E_LEVEL = enumSpec(DISCRETION_LEVELS);
const E_STATUS = enumSpec(CASE_STATUSES);
const E_VERDICT = enumSpec(RATING_VERDICTS);
const E_FLAG = enumSpec(RATING_FLAGS);
const FLAG_ORDER: ReadonlyMap<string, number> = new Map(RATING_FLAGS.map((f, i) => [f, i]));

function isWhitespace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff;
}

function isBlank(s: string): boolean {
  // Fast path: almost every value starts with a visible character.
  return isWhitespace(s.charCodeAt(0)) && s.trim().length === 0;
}

/** An opaque identifier or code: a non-blank string of at most 64 characters without control characters. */
function idValue(v: unknown, field: string): string | undefined {
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

function optIdValue(v: unknown, field: string): string | null | undefined {
  if (v === undefined || v === null) return null;
  return idValue(v, field);
}

/** Free text: a non-blank string of at most `max` characters. */
function textValue(v: unknown, field: string, max: number, longReason: string): string | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string') return fail(field, R_STRING);
  if (v.length === 0) return fail(field, R_EMPTY);
  if (v.length > max) return fail(field, longReason);
  if (isBlank(v)) return fail(field, R_BLANK);
  return v;
}

function boolValue(v: unknown, field: string): boolean | undefined {
  if (v === true || v === false) return v;
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  return fail(field, R_BOOL);
}

/** Optional boolean: absent or null means false. */
function optBoolValue(v: unknown, field: string): boolean | undefined {
  if (v === true || v === false) return v;
  if (v === undefined || v === null) return false;
  return fail(field, R_BOOL);
}

function regionValue(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string') return fail(field, R_STRING);
  if (v.length !== 6) return fail(field, R_REGION);
  for (let i = 0; i < 6; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return fail(field, R_REGION);
  }
  return v;
}

function phoneValue(v: unknown, field: string): string | null | undefined {
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

function creditCodeValue(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string') return fail(field, R_STRING);
  if (VALID_CODES.has(v)) return v;
  const problem = creditCodeProblem(v);
  if (problem !== null) return fail(field, CREDIT_CODE_PROBLEM_TEXT[problem]);
  if (VALID_CODES.size >= VALID_CODES_MAX) VALID_CODES.clear();
  VALID_CODES.add(v);
  return v;
}

function enumValue<T extends string>(v: unknown, field: string, spec: EnumSpec<T>): T | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string' || !spec.values.has(v)) return fail(field, spec.reason);
  return v as T;
}

function intValue(v: unknown, field: string, min: number, max: number, reason: string): number | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return fail(field, reason);
  return v;
}

// --- timestamps ---------------------------------------------------------------------------------

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

function timestampValue(v: unknown, field: string): Date | undefined {
  if (v === undefined || v === null) return fail(field, R_REQUIRED);
  if (typeof v !== 'string') return fail(field, R_TS_FORMAT);
  const t = parseTimestamp(v);
  if (t !== t) return fail(field, timestampReason);
  return new Date(t);
}

function optTimestampValue(v: unknown, field: string): Date | null | undefined {
  if (v === undefined || v === null) return null;
  return timestampValue(v, field);
}

/** A path of an array element, built only when there is an error to report. */
function elementPath(field: string, index: number): string {
  return `${field}[${index}]`;
}

/** An array of distinct ids with at least `min` and at most `max` entries. */
function idListValue(v: unknown, field: string, min: number, max: number): string[] | undefined {
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

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Per-kind validators. Each reads every field (so one pass reports all problems of a line) and
// returns the record only when no error was recorded.
// ---------------------------------------------------------------------------------------------

function agency(o: Record<string, unknown>): AgencyRecord | undefined {
  const id = idValue(o.id, 'id');
  const name = textValue(o.name, 'name', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const kind = idValue(o.kind, 'kind');
  const region = regionValue(o.region, 'region');
  if (errors !== null) return undefined;
  return { id: id!, name: name!, kind: kind!, region: region! };
}

function officer(o: Record<string, unknown>): OfficerRecord | undefined {
  const id = idValue(o.id, 'id');
  const agencyId = idValue(o.agencyId, 'agencyId');
  const name = textValue(o.name, 'name', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const certNo = textValue(o.certNo, 'certNo', EXCHANGE_LIMITS.certNo, R_LONG_CERT);
  const phone = phoneValue(o.phone, 'phone');
  if (errors !== null) return undefined;
  return { id: id!, agencyId: agencyId!, name: name!, certNo: certNo!, phone: phone! };
}

function item(o: Record<string, unknown>): ItemRecord | undefined {
  const id = idValue(o.id, 'id');
  const agencyId = idValue(o.agencyId, 'agencyId');
  const name = textValue(o.name, 'name', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const basis = textValue(o.basis, 'basis', EXCHANGE_LIMITS.basis, R_LONG_BASIS);
  const noDisturb = optBoolValue(o.noDisturb, 'noDisturb');
  if (errors !== null) return undefined;
  return { id: id!, agencyId: agencyId!, name: name!, basis: basis!, noDisturb: noDisturb! };
}

function enterprise(o: Record<string, unknown>): EnterpriseRecord | undefined {
  const creditCode = creditCodeValue(o.creditCode, 'creditCode');
  const name = textValue(o.name, 'name', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const industry = textValue(o.industry, 'industry', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const region = regionValue(o.region, 'region');
  const phone = phoneValue(o.phone, 'phone');
  const creditGrade = enumValue(o.creditGrade, 'creditGrade', E_GRADE);
  const lowTouch = optBoolValue(o.lowTouch, 'lowTouch');
  if (errors !== null) return undefined;
  return {
    creditCode: creditCode!,
    name: name!,
    industry: industry!,
    region: region!,
    phone: phone!,
    creditGrade: creditGrade!,
    lowTouch: lowTouch!,
  };
}

function inspection(o: Record<string, unknown>): InspectionRecord | undefined {
  const id = idValue(o.id, 'id');
  const agencyId = idValue(o.agencyId, 'agencyId');
  const officerIds = idListValue(o.officerIds, 'officerIds', 1, EXCHANGE_LIMITS.officerIds);
  const creditCode = creditCodeValue(o.creditCode, 'creditCode');
  const itemIds = idListValue(o.itemIds, 'itemIds', 0, EXCHANGE_LIMITS.itemIds);
  const trigger = enumValue(o.trigger, 'trigger', E_TRIGGER);
  const jointId = optIdValue(o.jointId, 'jointId');
  const startedAt = timestampValue(o.startedAt, 'startedAt');
  const finishedAt = timestampValue(o.finishedAt, 'finishedAt');
  const coded = boolValue(o.coded, 'coded');
  const codedAt = optTimestampValue(o.codedAt, 'codedAt');
  const result = enumValue(o.result, 'result', E_RESULT);
  if (startedAt !== undefined && finishedAt !== undefined && finishedAt.getTime() <= startedAt.getTime()) {
    fail('finishedAt', R_FINISHED);
  }
  if (errors !== null) return undefined;
  return {
    id: id!,
    agencyId: agencyId!,
    officerIds: officerIds!,
    creditCode: creditCode!,
    itemIds: itemIds!,
    trigger: trigger!,
    jointId: jointId!,
    startedAt: startedAt!,
    finishedAt: finishedAt!,
    coded: coded!,
    codedAt: codedAt!,
    result: result!,
  };
}

function causeChangesValue(v: unknown, field: string): CauseChange[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return fail(field, R_ARRAY);
  const n = v.length;
  if (n > EXCHANGE_LIMITS.causeChanges) return fail(field, `must list at most ${EXCHANGE_LIMITS.causeChanges} changes`);
  const out = new Array<CauseChange>(n);
  let ok = true;
  for (let i = 0; i < n; i++) {
    const e = v[i];
    const path = elementPath(field, i);
    if (!isPlainObject(e)) {
      fail(path, 'must be an object {from, to, at}');
      ok = false;
      continue;
    }
    const from = idValue(e.from, `${path}.from`);
    const to = idValue(e.to, `${path}.to`);
    const at = timestampValue(e.at, `${path}.at`);
    if (from === undefined || to === undefined || at === undefined) ok = false;
    else out[i] = { from, to, at };
  }
  return ok ? out : undefined;
}

function caseRecord(o: Record<string, unknown>): CaseRecord | undefined {
  const id = idValue(o.id, 'id');
  const agencyId = idValue(o.agencyId, 'agencyId');
  const officerIds = idListValue(o.officerIds, 'officerIds', 0, EXCHANGE_LIMITS.officerIds);
  const creditCode = creditCodeValue(o.creditCode, 'creditCode');
  const inspectionId = optIdValue(o.inspectionId, 'inspectionId');
  const cause = idValue(o.cause, 'cause');
  const discretionLevel = enumValue(o.discretionLevel, 'discretionLevel', E_LEVEL);
  const fine = intValue(o.fine, 'fine', 0, Number.MAX_SAFE_INTEGER, R_FINE);
  const status = enumValue(o.status, 'status', E_STATUS);
  const filedAt = timestampValue(o.filedAt, 'filedAt');
  const decidedAt = optTimestampValue(o.decidedAt, 'decidedAt');
  const closedAt = optTimestampValue(o.closedAt, 'closedAt');
  const revokedAt = optTimestampValue(o.revokedAt, 'revokedAt');
  const causeChanges = causeChangesValue(o.causeChanges, 'causeChanges');
  const extendedDays =
    o.extendedDays === undefined || o.extendedDays === null
      ? 0
      : intValue(o.extendedDays, 'extendedDays', 0, EXCHANGE_LIMITS.extendedDays, R_EXTENDED);
  const coercive = optBoolValue(o.coercive, 'coercive');
  if (decidedAt === null && (status === 'decided' || status === 'closed')) {
    fail('decidedAt', `is required when status is ${status}`);
  }
  if (revokedAt === null && status === 'revoked') fail('revokedAt', 'is required when status is revoked');
  if (errors !== null) return undefined;
  return {
    id: id!,
    agencyId: agencyId!,
    officerIds: officerIds!,
    creditCode: creditCode!,
    inspectionId: inspectionId!,
    cause: cause!,
    discretionLevel: discretionLevel!,
    fine: fine!,
    status: status!,
    filedAt: filedAt!,
    decidedAt: decidedAt!,
    closedAt: closedAt!,
    revokedAt: revokedAt!,
    causeChanges: causeChanges!,
    extendedDays: extendedDays!,
    coercive: coercive!,
  };
}

function flagsValue(v: unknown, field: string): RatingFlag[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return fail(field, R_ARRAY);
  const n = v.length;
  if (n === 0) return [];
  let ok = true;
  let seen = 0;
  let sorted = true;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const e = v[i];
    const order = typeof e === 'string' ? FLAG_ORDER.get(e) : undefined;
    if (order === undefined) {
      fail(elementPath(field, i), E_FLAG.reason);
      ok = false;
      continue;
    }
    if (seen & (1 << order)) {
      fail(elementPath(field, i), `duplicates ${e}`);
      ok = false;
      continue;
    }
    seen |= 1 << order;
    if (order < last) sorted = false;
    last = order;
  }
  if (!ok) return undefined;
  if (sorted) return v.slice() as RatingFlag[];
  const out: RatingFlag[] = [];
  for (let k = 0; k < RATING_FLAGS.length; k++) if (seen & (1 << k)) out.push(RATING_FLAGS[k]);
  return out;
}

function rating(o: Record<string, unknown>): RatingRecord | undefined {
  const inspectionId = idValue(o.inspectionId, 'inspectionId');
  const agencyId = idValue(o.agencyId, 'agencyId');
  const language = intValue(o.language, 'language', 1, 5, R_SCORE);
  const procedure = intValue(o.procedure, 'procedure', 1, 5, R_SCORE);
  const manner = intValue(o.manner, 'manner', 1, 5, R_SCORE);
  const fairness = intValue(o.fairness, 'fairness', 1, 5, R_SCORE);
  const verdict = enumValue(o.verdict, 'verdict', E_VERDICT);
  const flags = flagsValue(o.flags, 'flags');
  let comment: string | null | undefined = null;
  const c = o.comment;
  if (c !== undefined && c !== null) {
    if (typeof c !== 'string') comment = fail('comment', R_STRING);
    else if (c.length > EXCHANGE_LIMITS.comment) comment = fail('comment', R_LONG_COMMENT);
    else if (c.length > 0) comment = c; // an empty comment is no comment
  }
  const ratedAt = timestampValue(o.ratedAt, 'ratedAt');
  if (errors !== null) return undefined;
  return {
    inspectionId: inspectionId!,
    agencyId: agencyId!,
    language: language!,
    procedure: procedure!,
    manner: manner!,
    fairness: fairness!,
    verdict: verdict!,
    flags: flags!,
    comment: comment!,
    ratedAt: ratedAt!,
  };
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * Validates and normalises one line's value (the result of `JSON.parse` of the line). Checks
 * every field of the exchange format; unknown extra fields are ignored. Optional fields are
 * normalised to null or their default, timestamps to `Date`, rating flags to canonical order.
 */
export function validateRecord<K extends ExchangeKind>(kind: K, value: unknown): ValidationResult<ExchangeRecordMap[K]> {
  errors = null;
  if (!isPlainObject(value)) return { ok: false, errors: [{ field: '(record)', reason: R_RECORD }] };
  let record: ExchangeRecord | undefined;
  switch (kind as ExchangeKind) {
    case 'agencies':
      record = agency(value);
      break;
    case 'officers':
      record = officer(value);
      break;
    case 'items':
      record = item(value);
      break;
    case 'enterprises':
      record = enterprise(value);
      break;
    case 'inspections':
      record = inspection(value);
      break;
    case 'cases':
      record = caseRecord(value);
      break;
    case 'ratings':
      record = rating(value);
      break;
    default:
      throw new Error(`unknown exchange kind: ${String(kind)}`);
  }
  const found = errors;
  errors = null;
  if (found !== null || record === undefined) {
    return { ok: false, errors: found ?? [{ field: '(record)', reason: R_RECORD }] };
  }
  return { ok: true, record: record as ExchangeRecordMap[K] };
}

/**
 * Parses and validates one line of a `.jsonl` file. A byte order mark at the start of the line
 * is ignored. Callers decide themselves whether to skip blank lines (this reports them).
 */
export function validateLine<K extends ExchangeKind>(kind: K, line: string): ValidationResult<ExchangeRecordMap[K]> {
  const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const reason = text.trim() === '' ? 'is empty' : `is not valid JSON (${(e as Error).message})`;
    return { ok: false, errors: [{ field: '(record)', reason }] };
  }
  return validateRecord(kind, value);
}

function iso(d: Date): string {
  return toShanghaiIso(d);
}

function serialiseAgency(r: AgencyRecord): ExchangeObject {
  return { id: r.id, name: r.name, kind: r.kind, region: r.region };
}

function serialiseOfficer(r: OfficerRecord): ExchangeObject {
  const o: ExchangeObject = { id: r.id, agencyId: r.agencyId, name: r.name, certNo: r.certNo };
  if (r.phone !== null) o.phone = r.phone;
  return o;
}

function serialiseItem(r: ItemRecord): ExchangeObject {
  const o: ExchangeObject = { id: r.id, agencyId: r.agencyId, name: r.name, basis: r.basis };
  if (r.noDisturb) o.noDisturb = true;
  return o;
}

function serialiseEnterprise(r: EnterpriseRecord): ExchangeObject {
  const o: ExchangeObject = { creditCode: r.creditCode, name: r.name, industry: r.industry, region: r.region };
  if (r.phone !== null) o.phone = r.phone;
  o.creditGrade = r.creditGrade;
  if (r.lowTouch) o.lowTouch = true;
  return o;
}

function serialiseInspection(r: InspectionRecord): ExchangeObject {
  const o: ExchangeObject = {
    id: r.id,
    agencyId: r.agencyId,
    officerIds: r.officerIds.slice(),
    creditCode: r.creditCode,
    itemIds: r.itemIds.slice(),
    trigger: r.trigger,
  };
  if (r.jointId !== null) o.jointId = r.jointId;
  o.startedAt = iso(r.startedAt);
  o.finishedAt = iso(r.finishedAt);
  o.coded = r.coded;
  if (r.codedAt !== null) o.codedAt = iso(r.codedAt);
  o.result = r.result;
  return o;
}

function serialiseCase(r: CaseRecord): ExchangeObject {
  const o: ExchangeObject = {
    id: r.id,
    agencyId: r.agencyId,
    officerIds: r.officerIds.slice(),
    creditCode: r.creditCode,
  };
  if (r.inspectionId !== null) o.inspectionId = r.inspectionId;
  o.cause = r.cause;
  o.discretionLevel = r.discretionLevel;
  o.fine = r.fine;
  o.status = r.status;
  o.filedAt = iso(r.filedAt);
  if (r.decidedAt !== null) o.decidedAt = iso(r.decidedAt);
  if (r.closedAt !== null) o.closedAt = iso(r.closedAt);
  if (r.revokedAt !== null) o.revokedAt = iso(r.revokedAt);
  if (r.causeChanges.length > 0) {
    o.causeChanges = r.causeChanges.map((c) => ({ from: c.from, to: c.to, at: iso(c.at) }));
  }
  if (r.extendedDays !== 0) o.extendedDays = r.extendedDays;
  if (r.coercive) o.coercive = true;
  return o;
}

function serialiseRating(r: RatingRecord): ExchangeObject {
  const o: ExchangeObject = {
    inspectionId: r.inspectionId,
    agencyId: r.agencyId,
    language: r.language,
    procedure: r.procedure,
    manner: r.manner,
    fairness: r.fairness,
    verdict: r.verdict,
  };
  if (r.flags.length > 0) o.flags = r.flags.slice();
  if (r.comment !== null) o.comment = r.comment;
  o.ratedAt = iso(r.ratedAt);
  return o;
}

/**
 * The exchange object of a record, for export: fields in the order of the spec, timestamps in
 * ISO 8601 with `+08:00` and milliseconds, optional fields only when they carry information
 * (non-null, true, non-zero, non-empty). `validateRecord(kind, serialiseRecord(kind, r))` gives
 * back a record deep-equal to `r` for any valid record `r`.
 */
export function serialiseRecord<K extends ExchangeKind>(kind: K, record: ExchangeRecordMap[K]): ExchangeObject {
  switch (kind as ExchangeKind) {
    case 'agencies':
      return serialiseAgency(record as AgencyRecord);
    case 'officers':
      return serialiseOfficer(record as OfficerRecord);
    case 'items':
      return serialiseItem(record as ItemRecord);
    case 'enterprises':
      return serialiseEnterprise(record as EnterpriseRecord);
    case 'inspections':
      return serialiseInspection(record as InspectionRecord);
    case 'cases':
      return serialiseCase(record as CaseRecord);
    case 'ratings':
      return serialiseRating(record as RatingRecord);
    default:
      throw new Error(`unknown exchange kind: ${String(kind)}`);
  }
}

/** The upsert key: `id`; `creditCode` for enterprises; `inspectionId + '\u0000' + agencyId` for ratings. */
export function recordKey<K extends ExchangeKind>(kind: K, record: ExchangeRecordMap[K]): string {
  switch (kind as ExchangeKind) {
    case 'enterprises':
      return (record as EnterpriseRecord).creditCode;
    case 'ratings': {
      const r = record as RatingRecord;
      return `${r.inspectionId}\u0000${r.agencyId}`;
    }
    case 'agencies':
    case 'officers':
    case 'items':
    case 'inspections':
    case 'cases':
      return (record as { id: string }).id;
    default:
      throw new Error(`unknown exchange kind: ${String(kind)}`);
  }
}
