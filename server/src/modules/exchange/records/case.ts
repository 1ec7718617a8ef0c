/** Cases: administrative penalty cases, with their changes of cause. */
import { DISCRETION_LEVELS, PENALTY_CASE_STATUSES, type CaseRecord, type CauseChange } from '@mashang/shared';
import {
  creditCodeValue,
  elementPath,
  EXCHANGE_LIMITS,
  enumSpec,
  enumValue,
  fail,
  hasFieldErrors,
  idListValue,
  idValue,
  intValue,
  isPlainObject,
  iso,
  optBoolValue,
  optIdValue,
  R_ARRAY,
  type ExchangeObject,
} from './fields.js';
import { optTimestampValue, timestampValue } from './timestamps.js';

const E_LEVEL = enumSpec(DISCRETION_LEVELS);
const E_STATUS = enumSpec(PENALTY_CASE_STATUSES);
const R_FINE = 'must be a non-negative integer number of fen (1 yuan = 100 fen)';
const R_EXTENDED = `must be an integer number of days from 0 to ${EXCHANGE_LIMITS.extendedDays}`;

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

/** The history must read forward in time and end at the current cause. */
function causeHistoryProblems(changes: CauseChange[], cause: string): void {
  for (let i = 1; i < changes.length; i++) {
    if (changes[i].at.getTime() < changes[i - 1].at.getTime()) {
      fail(`${elementPath('causeChanges', i)}.at`, 'must not be earlier than the change before it (oldest first)');
      return;
    }
  }
  const last = changes[changes.length - 1];
  if (last && last.to !== cause) {
    fail(`${elementPath('causeChanges', changes.length - 1)}.to`, 'must equal cause (the last change leads to the current cause)');
  }
}

/** Reads a case (called through validateRecord, which clears and takes the field errors). */
export function validateCase(o: Record<string, unknown>): CaseRecord | undefined {
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
  if (causeChanges && cause !== undefined) causeHistoryProblems(causeChanges, cause);
  if (hasFieldErrors()) return undefined;
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

export function serialiseCase(r: CaseRecord): ExchangeObject {
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
