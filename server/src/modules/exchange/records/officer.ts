/** Officers: the enforcement officers of an agency. */
import type { OfficerRecord } from '@mashang/shared';
import {
  EXCHANGE_LIMITS,
  hasFieldErrors,
  idValue,
  optDateValue,
  phoneValue,
  R_LONG_NAME,
  textValue,
  tooLong,
  type ExchangeObject,
} from './fields.js';

const R_LONG_CERT = tooLong(EXCHANGE_LIMITS.certNo);

/** Reads an officer (called through validateRecord, which clears and takes the field errors). */
export function validateOfficer(o: Record<string, unknown>): OfficerRecord | undefined {
  const id = idValue(o.id, 'id');
  const agencyId = idValue(o.agencyId, 'agencyId');
  const name = textValue(o.name, 'name', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const certNo = textValue(o.certNo, 'certNo', EXCHANGE_LIMITS.certNo, R_LONG_CERT);
  const phone = phoneValue(o.phone, 'phone');
  const certExpires = optDateValue(o.certExpires, 'certExpires');
  if (hasFieldErrors()) return undefined;
  return { id: id!, agencyId: agencyId!, name: name!, certNo: certNo!, phone: phone!, certExpires: certExpires! };
}

export function serialiseOfficer(r: OfficerRecord): ExchangeObject {
  const o: ExchangeObject = { id: r.id, agencyId: r.agencyId, name: r.name, certNo: r.certNo };
  if (r.phone !== null) o.phone = r.phone;
  if (r.certExpires !== null) o.certExpires = r.certExpires;
  return o;
}
