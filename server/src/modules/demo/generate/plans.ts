/**
 * One enterprise's schedule: the events planned on it (regular inspections spread over the two
 * years, and the planted scenario's), and the inspections it has had so far, which keep the
 * next ones clear of the repeated-inspection and frequency rules.
 */
import type { PlanTrigger } from '@mashang/shared';
import { DAYS, WINDOW_START, type Calendar } from './calendar.js';
import { pickWeighted, type Eligible } from './eligibility.js';
import type { OfficerCalendar } from './officers.js';
import type { Registers } from './registers.js';
import type { Rng } from './rng.js';
import {
  S_EMERGENCY_LATE,
  S_FREQUENCY,
  S_HIGH_RISK,
  S_LOW_TOUCH,
  S_NO_DISTURB,
  S_NONE,
  S_OFF_HOURS,
  S_OUT_OF_JURISDICTION,
  S_OVERLAP,
  S_PENALTY,
  S_REPEAT_LIGHTER,
  S_REPEATED,
  S_SHORT_VISIT,
  S_UNCODED,
  S_UNMERGED,
} from './scenarios.js';

export interface PlannedEvent {
  day: number;
  size: number;
  trigger: PlanTrigger | null;
  sameAs: PlannedEvent | null;
  notAs: PlannedEvent | null;
  uncoded: boolean;
  lateCode: boolean;
  noDisturb: boolean;
  /** A visit of a few minutes: the code scanned, the officers gone. */
  shortVisit: boolean;
  /** Started before the working day or late in the evening. */
  offHours: boolean;
  forcedAgency: number;
  forcedOfficer: number;
  forcedSlot: number;
  /** Day of a planned follow-up by the same agency: the agency must have room under its cap then. */
  capDay: number;
  /** Agency chosen when processed (the first one of a joint inspection). */
  agency: number;
  scenario: number;
}

export function newEvent(day: number, size: number): PlannedEvent {
  return {
    day, size, trigger: null, sameAs: null, notAs: null, uncoded: false, lateCode: false, noDisturb: false, shortVisit: false, offHours: false,
    forcedAgency: -1, forcedOfficer: -1, forcedSlot: -1, capDay: -1, agency: -1, scenario: S_NONE,
  };
}

/** The triggers of a planted off-hours inspection: ones whose hour the agency chose. */
const OFF_HOURS_TRIGGERS: readonly PlanTrigger[] = ['planned', 'planned', 'superior', 'other'];

/** Minimum days between planned inspections of one agency so the grade's yearly cap (A 1, B 2, C 4) holds. */
const GRADE_PLANNED_SPACING = [366, 183, 92, 31];

export class EnterpriseSchedule {
  /** The current enterprise's events; sorted by day once planned. */
  events: PlannedEvent[] = [];
  private readonly pastAgency: number[] = [];
  private readonly pastDay: number[] = [];
  private readonly pastPlanned: boolean[] = [];

  constructor(
    private readonly calendar: Calendar,
    private readonly registers: Registers,
    private readonly officers: OfficerCalendar,
  ) {}

  /** Starts a new enterprise: `quota` regular inspection records and the scenario planted on it. */
  plan(quota: number, scenario: number, eligible: Eligible, rng: Rng): void {
    this.events = [];
    this.pastAgency.length = 0;
    this.pastDay.length = 0;
    this.pastPlanned.length = 0;

    // Regular events: single or joint, spread evenly over the two years (the high-risk scenario
    // keeps them all before the window), at least 8 days apart so inspections of different
    // agencies are not accidentally "unmerged".
    const sizes: number[] = [];
    for (let left = quota; left > 0; ) {
      let size = 1;
      if (left >= 2 && eligible.agencies.length >= 2 && rng.chance(0.088)) {
        size = Math.min(left, eligible.agencies.length, rng.chance(0.75) ? 2 : 3);
      }
      sizes.push(size);
      left -= size;
    }
    const lo = 0;
    const hi = scenario === S_HIGH_RISK ? WINDOW_START - 8 : DAYS - 1;
    const m = sizes.length;
    const span = hi - lo + 1;
    for (let j = 0; j < m; j++) {
      const segStart = lo + Math.floor((j * span) / m);
      const segEnd = lo + Math.floor(((j + 1) * span) / m) - 1;
      const len = segEnd - segStart + 1;
      let day: number;
      if (len >= 10) {
        day = segStart + rng.int(len - 9);
        while (this.calendar.isWeekend(day)) day++;
      } else {
        day = segStart + rng.int(Math.max(1, len));
      }
      this.events.push(newEvent(day, sizes[j]));
    }

    if (scenario !== S_NONE) this.plantScenario(scenario, eligible, rng);
    this.events.sort((a, b) => a.day - b.day);
  }

  /** Remembers an inspection of the current enterprise. */
  recordInspection(agency: number, day: number, planned: boolean): void {
    this.pastAgency.push(agency);
    this.pastDay.push(day);
    this.pastPlanned.push(planned);
  }

  /** No inspection by the same agency in the 30 days before (repeated-inspection stays quiet). */
  spacingOk(agency: number, day: number): boolean {
    for (let k = 0; k < this.pastAgency.length; k++) {
      if (this.pastAgency[k] === agency && Math.abs(day - this.pastDay[k]) <= 30) return false;
    }
    return true;
  }

  /** Planned inspections of one agency spaced so the credit grade's yearly cap holds. */
  capOk(agency: number, day: number, grade: number): boolean {
    const spacing = GRADE_PLANNED_SPACING[grade];
    for (let k = 0; k < this.pastAgency.length; k++) {
      if (this.pastAgency[k] === agency && this.pastPlanned[k] && Math.abs(day - this.pastDay[k]) < spacing) return false;
    }
    return true;
  }

  private gapOk(day: number, except: PlannedEvent | null, minGap: number): boolean {
    for (const ev of this.events) {
      if (ev !== except && Math.abs(ev.day - day) < minGap) return false;
    }
    return true;
  }

  /** A weekday in [lo, hi] at least `minGap` days from every planned event but `except`; -1 if none found. */
  private findDay(lo: number, hi: number, rng: Rng, except: PlannedEvent | null = null, minGap = 8): number {
    if (hi < lo) return -1;
    for (let attempt = 0; attempt < 40; attempt++) {
      const d = rng.range(lo, hi);
      if (!this.calendar.isWeekend(d) && this.gapOk(d, except, minGap)) return d;
    }
    const start = rng.range(lo, hi);
    for (let k = 0; k <= hi - lo; k++) {
      const d = lo + ((start - lo + k) % (hi - lo + 1));
      if (!this.calendar.isWeekend(d) && this.gapOk(d, except, minGap)) return d;
    }
    return -1;
  }

  private plantScenario(scenario: number, eligible: Eligible, rng: Rng): void {
    const windowLo = WINDOW_START;
    const last = DAYS - 1;
    const add = (day: number, trigger: PlanTrigger | null): PlannedEvent => {
      const ev = newEvent(day >= 0 ? day : rng.range(windowLo, last), 1);
      ev.trigger = trigger;
      ev.scenario = scenario;
      this.events.push(ev);
      return ev;
    };
    switch (scenario) {
      case S_REPEATED: {
        // A complaint inspection, then a planned one by the same agency 10–25 days later.
        let anchorDay = -1;
        let partnerDay = -1;
        for (let attempt = 0; attempt < 30 && partnerDay < 0; attempt++) {
          anchorDay = this.findDay(windowLo, last - 26, rng);
          if (anchorDay < 0) break;
          const d = anchorDay + rng.range(10, 25);
          if (!this.calendar.isWeekend(d) && this.gapOk(d, null, 8)) partnerDay = d;
        }
        const anchor = add(anchorDay, 'complaint');
        const partner = add(partnerDay >= 0 ? partnerDay : Math.min(last, anchor.day + 12), 'planned');
        partner.sameAs = anchor;
        anchor.capDay = partner.day;
        break;
      }
      case S_UNMERGED: {
        // Two agencies 1–6 days apart on the same enterprise, each on its own.
        const anchor = add(this.findDay(windowLo, last - 7, rng, null, 15), 'planned');
        const partner = add(Math.min(last, anchor.day + rng.range(1, 6)), 'planned');
        partner.notAs = anchor;
        break;
      }
      case S_FREQUENCY: {
        // A grade-A enterprise planned twice by one agency within the year (cap 1), 31+ days apart.
        const anchor = add(this.findDay(windowLo, last - 40, rng), 'planned');
        let d = this.findDay(anchor.day + 31, Math.min(last, anchor.day + 200), rng);
        if (d < 0) d = Math.min(last, anchor.day + 31);
        const partner = add(d, 'planned');
        partner.sameAs = anchor;
        break;
      }
      case S_LOW_TOUCH:
        add(this.findDay(windowLo, last, rng), 'planned');
        break;
      case S_NO_DISTURB:
        add(this.findDay(windowLo, last, rng), 'planned').noDisturb = true;
        break;
      case S_UNCODED:
        add(this.findDay(windowLo, last, rng), 'planned').uncoded = true;
        break;
      case S_EMERGENCY_LATE:
        add(this.findDay(windowLo, last - 3, rng), 'emergency').lateCode = true;
        break;
      case S_OVERLAP: {
        // An officer already busy on another enterprise at that hour (booked by an enterprise
        // generated earlier) is put on this one as well.
        // Kept a month away from the enterprise's other inspections when possible, so the
        // forced agency does not also make a repeated inspection.
        const ev = add(this.findDay(windowLo, last, rng), 'planned');
        let found = false;
        for (let attempt = 0; attempt < 60 && !found; attempt++) {
          const a = this.registers.agencies[pickWeighted(eligible.agencies, eligible.cumulative, eligible.total, rng)];
          const officer = a.firstOfficer + rng.int(a.officers);
          const start = rng.int(365);
          const minGap = attempt < 40 ? 31 : 8;
          for (let k = 0; k < 365 && !found; k++) {
            const day = windowLo + ((start + k) % 365);
            const slots = this.officers.workSlotsTaken(officer, day);
            if (slots !== 0 && this.gapOk(day, ev, minGap)) {
              ev.day = day;
              ev.forcedAgency = a.index;
              ev.forcedOfficer = officer;
              ev.forcedSlot = 31 - Math.clz32(slots & -slots);
              found = true;
            }
          }
        }
        break;
      }
      case S_PENALTY: {
        // A complaint-triggered inspection by the market regulator ending in a case of its most
        // common clause and level, decided in the window: together they make a group of 5+ for
        // 同案不同罚, and every third one is fined far off. A month clear of the enterprise's other
        // inspections when possible, as the agency is forced.
        let day = this.findDay(windowLo, last - 100, rng, null, 31);
        if (day < 0) day = this.findDay(windowLo, last - 100, rng);
        add(day, 'complaint');
        break;
      }
      case S_SHORT_VISIT:
        add(this.findDay(windowLo, last, rng), 'planned').shortVisit = true;
        break;
      case S_OFF_HOURS:
        add(this.findDay(windowLo, last, rng), rng.pick(OFF_HOURS_TRIGGERS)).offHours = true;
        break;
      case S_OUT_OF_JURISDICTION: {
        // A complaint inspection by a district agency of another district, ending in a case decided
        // in the window; a month clear of the enterprise's other inspections when possible.
        let day = this.findDay(windowLo, last - 100, rng, null, 31);
        if (day < 0) day = this.findDay(windowLo, last - 100, rng);
        add(day, 'complaint');
        break;
      }
      case S_REPEAT_LIGHTER: {
        // Two complaint inspections by one agency 90–180 days apart, each ending in a case of the
        // same clause: the second, decided in the window, is punished more lightly than the first.
        let firstDay = this.findDay(windowLo - 60, last - 280, rng, null, 31);
        if (firstDay < 0) firstDay = this.findDay(windowLo - 60, last - 280, rng);
        const first = add(firstDay, 'complaint');
        let d = this.findDay(first.day + 90, first.day + 180, rng);
        if (d < 0) d = first.day + 90;
        add(d, 'complaint').sameAs = first;
        break;
      }
      default:
        break;
    }
  }
}
