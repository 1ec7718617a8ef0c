/** Officers' calendars (nobody in two places at once) and who takes which inspection. */
import { DAYS } from './calendar.js';
import type { Agency, Registers } from './registers.js';
import type { Rng } from './rng.js';

export class OfficerCalendar {
  /** Slots taken per officer and day (bit s for SLOT_MINUTES[s]): officers × 730 bytes. */
  private readonly busy: Uint8Array;
  private readonly activity: Float64Array;
  /** The agency whose officer is planted as overloaded, and that officer's index in it. */
  readonly overloadAgency = 0;
  readonly overloadOfficer: number;

  constructor(registers: Registers) {
    this.busy = new Uint8Array(registers.officerIds.length * DAYS);
    this.activity = Float64Array.from(registers.officerActivity);
    this.overloadOfficer = Math.min(4, registers.agencies[this.overloadAgency].officers - 1);
  }

  /** The working slots (bits 0–3) in which `officer` is busy on `day`. */
  workSlotsTaken(officer: number, day: number): number {
    return this.busy[officer * DAYS + day] & 0x0f;
  }

  book(officers: readonly number[], day: number, slot: number): void {
    for (const o of officers) {
      this.busy[o * DAYS + day] |= 1 << slot;
    }
  }

  /** Officers an inspection takes: two as the law asks (执法人员不得少于两人), sometimes three, now and then one. */
  officersWanted(a: Agency, rng: Rng): number {
    const x = rng.next();
    return Math.min(a.officers, x < 0.015 ? 1 : x < 0.85 ? 2 : 3);
  }

  /** Adds officers of `a` free in `slot` on `day` to `set` until it holds `want` (if it can); the overloaded officer often. */
  pickFreeOfficers(a: Agency, day: number, slot: number, want: number, set: number[], rng: Rng): void {
    if (want <= 0) return;
    const bit = 1 << slot;
    const busy = this.busy;
    if (a.index === this.overloadAgency && rng.chance(0.6)) {
      const o = a.firstOfficer + this.overloadOfficer;
      if (!set.includes(o) && (busy[o * DAYS + day] & bit) === 0) set.push(o);
    }
    // Free officers, drawn in proportion to their activity.
    for (let attempt = 0; attempt < want * 8 && set.length < want; attempt++) {
      const o = a.firstOfficer + rng.int(a.officers);
      if (rng.next() * 1.5 < this.activity[o] && !set.includes(o) && (busy[o * DAYS + day] & bit) === 0) set.push(o);
    }
    if (set.length === 0) {
      const start = rng.int(a.officers);
      for (let k = 0; k < a.officers; k++) {
        const o = a.firstOfficer + ((start + k) % a.officers);
        if ((busy[o * DAYS + day] & bit) === 0) {
          set.push(o);
          return;
        }
      }
    }
  }
}
