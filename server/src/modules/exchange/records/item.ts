/** Inspection items: what an agency may inspect, with its legal basis. */
import type { ItemRecord } from '@mashang/shared';
import {
  EXCHANGE_LIMITS,
  hasFieldErrors,
  idValue,
  optBoolValue,
  R_LONG_NAME,
  textValue,
  tooLong,
  type ExchangeObject,
} from './fields.js';

const R_LONG_BASIS = tooLong(EXCHANGE_LIMITS.basis);

/** Reads an inspection item (called through validateRecord, which clears and takes the field errors). */
export function validateItem(o: Record<string, unknown>): ItemRecord | undefined {
  const id = idValue(o.id, 'id');
  const agencyId = idValue(o.agencyId, 'agencyId');
  const name = textValue(o.name, 'name', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const basis = textValue(o.basis, 'basis', EXCHANGE_LIMITS.basis, R_LONG_BASIS);
  const noDisturb = optBoolValue(o.noDisturb, 'noDisturb');
  if (hasFieldErrors()) return undefined;
  return { id: id!, agencyId: agencyId!, name: name!, basis: basis!, noDisturb: noDisturb! };
}

export function serialiseItem(r: ItemRecord): ExchangeObject {
  const o: ExchangeObject = { id: r.id, agencyId: r.agencyId, name: r.name, basis: r.basis };
  if (r.noDisturb) o.noDisturb = true;
  return o;
}
