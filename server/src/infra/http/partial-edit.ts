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
