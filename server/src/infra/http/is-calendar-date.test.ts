import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { IsCalendarDate } from './is-calendar-date.js';

class Visit {
  @IsCalendarDate() date: unknown;
}
const accepts = (date: unknown) => validateSync(Object.assign(new Visit(), { date })).length === 0;

describe('IsCalendarDate', () => {
  it('takes real dates of this century written YYYY-MM-DD', () => {
    for (const date of ['2026-12-01', '2028-02-29', '2000-01-01', '2099-12-31']) expect([date, accepts(date)]).toEqual([date, true]);
  });

  it('refuses impossible dates, dates outside this century and anything not a date string', () => {
    for (const date of ['2027-02-30', '2027-06-31', '2026-13-01', '0000-00-00', '1999-12-31', '2100-01-01', '9999-12-31', '2026-1-1', '20261201', 20261201, null]) {
      expect([date, accepts(date)]).toEqual([date, false]);
    }
  });
});
