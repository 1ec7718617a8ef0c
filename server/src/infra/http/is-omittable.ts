import { ValidateIf } from 'class-validator';

/**
 * The field may be left out; when sent it is checked, `null` included. (IsOptional lets `null` through
 * unchecked, which a NOT NULL column then refuses with a database error.)
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
