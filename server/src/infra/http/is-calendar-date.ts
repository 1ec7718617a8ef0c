import { isCalendarDate } from '@mashang/shared';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Entered dates lie in this century: a plan for 9999-12-31 got a code expiring past what the database stores. */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2099-12-31';

/** A real calendar date written YYYY-MM-DD (not 2027-02-30), between FIRST_DATE and LAST_DATE. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value) && value >= FIRST_DATE && value <= LAST_DATE,
        defaultMessage: () => `must be a real date YYYY-MM-DD from ${FIRST_DATE} to ${LAST_DATE}`,
      },
    });
}
