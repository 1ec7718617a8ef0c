import type { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';

/**
 * The body of an edit: any of `base`'s fields may be left out, and a field that is sent is checked as
 * on creation. `null` is refused unless the field itself allows it (a phone may be cleared; a name may
 * not), where a plain PartialType would let it through to a NOT NULL column.
 */
export function PartialEdit<T>(base: Type<T>): Type<Partial<T>> {
  return PartialType(base, { skipNullProperties: false });
}

/**
 * The fields an edit actually sent. A field declared on an edit DTO subclass is an own property of
 * every instance (class fields are defined, as `undefined`), so spreading the DTO over a stored row
 * would blank it out; drop what was not sent first.
 */
export function sentFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
