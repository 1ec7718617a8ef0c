import { shanghaiDate } from '@mashang/shared';

export const DAY_MS = 86_400_000;
export const DAYS = 730;
/** First day of the 365-day window ending at asOf. */
export const WINDOW_START = DAYS - 365;
/** Slot start times in minutes after midnight: four working slots, two evening ones for emergencies. */
export const SLOT_MINUTES = [510, 630, 840, 960, 1170, 1320];
export const WORK_SLOTS = 4;
/** The last slot (22:00), which no working slot's visit reaches; it also books a visit at dawn. */
export const NIGHT_SLOT = SLOT_MINUTES.length - 1;
/** A visit at dawn starts at 06:00 and is over before the first working slot. */
export const DAWN_MINUTES = 360;

export function checkAsOf(asOf: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || shanghaiDate(`${asOf}T12:00:00+08:00`) !== asOf) {
    throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${asOf}`);
  }
}

/** Days 0 … DAYS - 1 of the two years ending at asOf, in Asia/Shanghai. */
export class Calendar {
  readonly dayZeroMs: number;
  /** The last millisecond of asOf. */
  readonly endMs: number;
  private readonly weekdayOfDayZero: number;

  constructor(asOf: string) {
    const asOfStartMs = Date.parse(`${asOf}T00:00:00+08:00`);
    this.dayZeroMs = asOfStartMs - (DAYS - 1) * DAY_MS;
    this.endMs = asOfStartMs + DAY_MS - 1;
    this.weekdayOfDayZero = new Date(this.dayZeroMs + 8 * 3600_000).getUTCDay();
  }

  weekday(day: number): number {
    return (this.weekdayOfDayZero + day) % 7;
  }

  isWeekend(day: number): boolean {
    const w = this.weekday(day);
    return w === 0 || w === 6;
  }

  dayOf(ms: number): number {
    return Math.floor((ms + 8 * 3600_000 - (this.dayZeroMs + 8 * 3600_000)) / DAY_MS);
  }
}
