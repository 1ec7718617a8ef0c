/** Inspections: one record per agency of an inspection (a joint inspection shares its jointId). */
import { INSPECTION_RESULTS, PLAN_TRIGGERS, type InspectionRecord } from '@mashang/shared';
import {
  boolValue,
  creditCodeValue,
  EXCHANGE_LIMITS,
  enumSpec,
  enumValue,
  fail,
  hasFieldErrors,
  idListValue,
  idValue,
  iso,
  optIdValue,
  type ExchangeObject,
} from './fields.js';
import { optTimestampValue, timestampValue } from './timestamps.js';

const E_TRIGGER = enumSpec(PLAN_TRIGGERS);
const E_RESULT = enumSpec(INSPECTION_RESULTS);
const R_FINISHED = 'must be later than startedAt';

/** Reads an inspection (called through validateRecord, which clears and takes the field errors). */
export function validateInspection(o: Record<string, unknown>): InspectionRecord | undefined {
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
  if (hasFieldErrors()) return undefined;
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

export function serialiseInspection(r: InspectionRecord): ExchangeObject {
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
