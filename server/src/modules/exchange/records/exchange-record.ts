/**
 * One record of any kind: the kind → record type map, and validation, serialisation and the
 * upsert key dispatched by kind.
 */
import type { AgencyRecord, CaseRecord, EnterpriseRecord, InspectionRecord, ItemRecord, OfficerRecord, RatingRecord } from '@mashang/shared';
import { validateAgency, serialiseAgency } from './agency.js';
import { validateCase, serialiseCase } from './case.js';
import { validateEnterprise, serialiseEnterprise } from './enterprise.js';
import {
  clearFieldErrors,
  isPlainObject,
  R_RECORD,
  takeFieldErrors,
  type ExchangeObject,
  type ValidationResult,
} from './fields.js';
import { validateInspection, serialiseInspection } from './inspection.js';
import { validateItem, serialiseItem } from './item.js';
import type { ExchangeKind } from './kinds.js';
import { validateOfficer, serialiseOfficer } from './officer.js';
import { validateRating, serialiseRating } from './rating.js';

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

/**
 * Validates and normalises one line's value (the result of `JSON.parse` of the line). Checks
 * every field of the exchange format; unknown extra fields are ignored. Optional fields are
 * normalised to null or their default, timestamps to `Date`, rating flags to canonical order.
 */
export function validateRecord<K extends ExchangeKind>(kind: K, value: unknown): ValidationResult<ExchangeRecordMap[K]> {
  clearFieldErrors();
  if (!isPlainObject(value)) return { ok: false, errors: [{ field: '(record)', reason: R_RECORD }] };
  let record: ExchangeRecord | undefined;
  switch (kind as ExchangeKind) {
    case 'agencies':
      record = validateAgency(value);
      break;
    case 'officers':
      record = validateOfficer(value);
      break;
    case 'items':
      record = validateItem(value);
      break;
    case 'enterprises':
      record = validateEnterprise(value);
      break;
    case 'inspections':
      record = validateInspection(value);
      break;
    case 'cases':
      record = validateCase(value);
      break;
    case 'ratings':
      record = validateRating(value);
      break;
    default:
      throw new Error(`unknown exchange kind: ${String(kind)}`);
  }
  const found = takeFieldErrors();
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
