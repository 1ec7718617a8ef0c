/** Agencies: the enforcement agencies of a region. */
import type { AgencyRecord } from '@mashang/shared';
import { EXCHANGE_LIMITS, hasFieldErrors, idValue, R_LONG_NAME, regionValue, textValue, type ExchangeObject } from './fields.js';

/** Reads an agency (called through validateRecord, which clears and takes the field errors). */
export function validateAgency(o: Record<string, unknown>): AgencyRecord | undefined {
  const id = idValue(o.id, 'id');
  const name = textValue(o.name, 'name', EXCHANGE_LIMITS.name, R_LONG_NAME);
  const kind = idValue(o.kind, 'kind');
  const region = regionValue(o.region, 'region');
  if (hasFieldErrors()) return undefined;
  return { id: id!, name: name!, kind: kind!, region: region! };
}

export function serialiseAgency(r: AgencyRecord): ExchangeObject {
  return { id: r.id, name: r.name, kind: r.kind, region: r.region };
}
