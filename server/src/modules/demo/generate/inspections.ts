/**
 * Inspection records, enterprise by enterprise: the agencies (one, or several for a joint
 * inspection), officers free at that hour, items, inspection code and result; cases and ratings
 * follow from them. Planted scenarios force what they need.
 */
import type { InspectionResult, PlanTrigger } from '@mashang/shared';
import { INDUSTRIES } from '../data/industries.js';
import type { DemoCitySize } from '../sizes.js';
import { DAWN_MINUTES, DAY_MS, DAYS, NIGHT_SLOT, SLOT_MINUTES, WORK_SLOTS, type Calendar } from './calendar.js';
import { CASE_PLANT, type CaseWriter } from './cases.js';
import { pickWeighted, type Eligible, type EligibleAgencies } from './eligibility.js';
import type { Enterprises, EnterpriseView } from './enterprises.js';
import type { FineSurge } from './fine-surge.js';
import type { JsonlWriter } from './jsonl-writer.js';
import type { OfficerCalendar } from './officers.js';
import { pad } from './pad.js';
import { EnterpriseSchedule, type PlannedEvent } from './plans.js';
import type { RatingWriter } from './ratings.js';
import type { Agency, Registers } from './registers.js';
import { hash3, Rng } from './rng.js';
import { PLANT_SCENARIOS, S_OUT_OF_JURISDICTION, S_PENALTY, S_REPEAT_LIGHTER, SCENARIO_RECORDS } from './scenarios.js';

/** What inspections are generated from, and the writers of the cases and ratings that follow. */
export interface InspectionSources {
  seed: number;
  size: DemoCitySize;
  casesRatio: number;
  ratingsRatio: number;
  /** Digits of the sequence numbers in inspection, joint and case ids. */
  idWidth: number;
  calendar: Calendar;
  registers: Registers;
  officers: OfficerCalendar;
  eligible: EligibleAgencies;
  enterprises: Enterprises;
  cases: CaseWriter;
  ratings: RatingWriter;
  surge: FineSurge;
}

export class InspectionWriter {
  /** Inspection records written. */
  count = 0;
  /** Records that carry a jointId. */
  jointRecords = 0;
  /** Inspections where no officer was free and someone had to be double-booked anyway. */
  unplannedOverlaps = 0;
  /** Planted: visits of a few minutes, visits out of hours, cases decided out of the agency's jurisdiction, repeat offences punished more lightly. */
  shortVisits = 0;
  offHoursVisits = 0;
  outOfJurisdictionCases = 0;
  lighterRepeatCases = 0;
  private jointSeq = 0;
  private penaltyPlants = 0;
  private readonly seed: number;
  private readonly size: DemoCitySize;
  private readonly casesRatio: number;
  private readonly ratingsRatio: number;
  private readonly idWidth: number;
  private readonly calendar: Calendar;
  private readonly registers: Registers;
  private readonly agencies: Agency[];
  private readonly officers: OfficerCalendar;
  private readonly eligible: EligibleAgencies;
  private readonly enterprises: Enterprises;
  private readonly cases: CaseWriter;
  private readonly ratings: RatingWriter;
  private readonly surge: FineSurge;
  private readonly schedule: EnterpriseSchedule;

  constructor(readonly out: JsonlWriter, sources: InspectionSources) {
    this.seed = sources.seed;
    this.size = sources.size;
    this.casesRatio = sources.casesRatio;
    this.ratingsRatio = sources.ratingsRatio;
    this.idWidth = sources.idWidth;
    this.calendar = sources.calendar;
    this.registers = sources.registers;
    this.officers = sources.officers;
    this.eligible = sources.eligible;
    this.enterprises = sources.enterprises;
    this.cases = sources.cases;
    this.ratings = sources.ratings;
    this.surge = sources.surge;
    this.agencies = this.registers.agencies;
    this.schedule = new EnterpriseSchedule(this.calendar, this.registers, this.officers);
  }

  /** Goes enterprise by enterprise; `totalWeight` (of all enterprises) shares the regular records out. */
  async write(totalWeight: number): Promise<void> {
    const n = this.size.enterprises;
    let plantedRecords = 0;
    for (let s = 1; s < PLANT_SCENARIOS.length; s++) plantedRecords += this.enterprises.scenarioCounts[s] * SCENARIO_RECORDS[s];
    const regularTotal = Math.max(0, this.size.inspections - plantedRecords);
    const rngE = new Rng(0);
    const rng = new Rng(0);
    let cumulative = 0;
    let assigned = 0;
    for (let i = 0; i < n; i++) {
      const e = this.enterprises.at(i, rngE);
      cumulative += e.weight;
      const upTo = i === n - 1 ? regularTotal : Math.round((regularTotal * cumulative) / totalWeight);
      const quota = upTo - assigned;
      assigned = upTo;
      rng.reseed(hash3(this.seed, i, 0x1a5));
      this.enterpriseActivity(e, this.enterprises.plan[i], quota, rng);
      if (this.out.pending) await this.out.drain();
      if (this.cases.out.pending) await this.cases.out.drain();
      if (this.ratings.out.pending) await this.ratings.out.drain();
    }
  }

  private enterpriseActivity(e: EnterpriseView, scenario: number, quota: number, rng: Rng): void {
    const eligible = this.eligible.of(e.district, e.industry);
    this.schedule.plan(quota, scenario, eligible, rng);
    for (const ev of this.schedule.events) this.processEvent(e, ev, eligible, rng);

    // Now and then a case without an inspection (a complaint or a transfer from another authority).
    if (rng.chance(0.01)) {
      const agency = pickWeighted(eligible.agencies, eligible.cumulative, eligible.total, rng);
      const a = this.agencies[agency];
      const day = rng.range(0, DAYS - 1);
      const filedAt = this.calendar.dayZeroMs + day * DAY_MS + (9 * 60 + rng.int(480)) * 60_000;
      const first = a.firstOfficer + rng.int(a.officers);
      const officers = [first];
      if (a.officers > 1) officers.push(a.firstOfficer + ((first - a.firstOfficer + 1 + rng.int(a.officers - 1)) % a.officers));
      this.cases.make(a, officers, e.code, null, filedAt, rng);
    }
  }

  /** A district agency of another district than the enterprise's, one regulating its industry where there is one. */
  private outsideAgency(e: EnterpriseView, rng: Rng): number {
    const outside = this.registers.outsideAgencies(e.district);
    const relevant = INDUSTRIES[e.industry][1];
    const regulating = outside.filter((a) => relevant.includes(this.agencies[a].kind.kind));
    return rng.pick(regulating.length > 0 ? regulating : outside);
  }

  private drawTrigger(rng: Rng): PlanTrigger {
    const x = rng.next();
    if (x < 0.78) return 'planned';
    if (x < 0.88) return 'complaint';
    if (x < 0.92) return 'superior';
    if (x < 0.94) return 'undercover';
    if (x < 0.975) return 'other';
    return 'emergency';
  }

  /** Picks an agency respecting same-agency spacing (and the cap when planned); downgrades a planned trigger when only the cap is in the way. */
  private chooseAgency(
    e: EnterpriseView,
    eligible: Eligible,
    trigger: PlanTrigger,
    day: number,
    exclude: readonly number[],
    rng: Rng,
    capDay = -1,
  ): { agency: number; trigger: PlanTrigger } {
    let fallback = -1;
    for (let attempt = 0; attempt < 12; attempt++) {
      const a = pickWeighted(eligible.agencies, eligible.cumulative, eligible.total, rng);
      if (exclude.includes(a) || !this.schedule.spacingOk(a, day)) continue;
      if (capDay >= 0 && !this.schedule.capOk(a, capDay, e.grade)) continue;
      if (trigger === 'planned' && !this.schedule.capOk(a, day, e.grade)) {
        if (fallback < 0) fallback = a;
        continue;
      }
      return { agency: a, trigger };
    }
    const n = eligible.agencies.length;
    const start = rng.int(n);
    for (let k = 0; k < n; k++) {
      const a = eligible.agencies[(start + k) % n];
      if (
        !exclude.includes(a) && this.schedule.spacingOk(a, day) &&
        (trigger !== 'planned' || this.schedule.capOk(a, day, e.grade)) && (capDay < 0 || this.schedule.capOk(a, capDay, e.grade))
      ) {
        return { agency: a, trigger };
      }
    }
    if (fallback >= 0) return { agency: fallback, trigger: rng.chance(0.5) ? 'complaint' : 'other' };
    for (const a of eligible.agencies) if (!exclude.includes(a)) return { agency: a, trigger };
    return { agency: eligible.agencies[0], trigger };
  }

  private processEvent(e: EnterpriseView, ev: PlannedEvent, eligible: Eligible, rng: Rng): void {
    const forced = ev.trigger !== null;
    let trigger: PlanTrigger = ev.trigger ?? this.drawTrigger(rng);
    if (ev.size > 1 && trigger === 'emergency') trigger = 'planned';
    if (!forced && e.lowTouch && trigger === 'planned') trigger = rng.chance(0.6) ? 'complaint' : rng.chance(0.5) ? 'superior' : 'other';

    const agencies: number[] = [];
    if (ev.forcedAgency >= 0) {
      agencies.push(ev.forcedAgency);
    } else if (ev.sameAs !== null && ev.sameAs.agency >= 0) {
      agencies.push(ev.sameAs.agency);
    } else if (trigger === 'emergency') {
      if (eligible.emergency.length > 0) {
        agencies.push(pickWeighted(eligible.emergency, eligible.emergencyCumulative, eligible.emergencyTotal, rng));
      } else {
        trigger = 'complaint';
      }
    } else if (ev.scenario === S_OUT_OF_JURISDICTION) {
      agencies.push(this.outsideAgency(e, rng));
    } else if (ev.scenario === S_PENALTY) {
      const market = eligible.agencies.filter((a) => this.agencies[a].kindIndex === 0);
      const quiet = market.filter((a) => this.schedule.spacingOk(a, ev.day) && this.schedule.capOk(a, ev.day, e.grade));
      if (quiet.length > 0) agencies.push(rng.pick(quiet));
      else if (market.length > 0) agencies.push(rng.pick(market));
    } else if (ev.noDisturb) {
      const withListed = eligible.agencies.filter((a) => this.agencies[a].itemNoDisturb.includes(true));
      const quiet = withListed.filter((a) => this.schedule.spacingOk(a, ev.day) && this.schedule.capOk(a, ev.day, e.grade));
      if (quiet.length > 0) agencies.push(rng.pick(quiet));
      else if (withListed.length > 0) agencies.push(rng.pick(withListed));
    }
    if (agencies.length === 0) {
      const exclude = ev.notAs !== null && ev.notAs.agency >= 0 ? [ev.notAs.agency] : [];
      const chosen = this.chooseAgency(e, eligible, trigger, ev.day, exclude, rng, ev.capDay);
      agencies.push(chosen.agency);
      if (!forced) trigger = chosen.trigger;
      // A joint inspection: further agencies that may inspect the enterprise that day.
      for (let k = 1; k < ev.size; k++) {
        let next = -1;
        for (let attempt = 0; attempt < 12 && next < 0; attempt++) {
          const a = pickWeighted(eligible.agencies, eligible.cumulative, eligible.total, rng);
          if (agencies.includes(a) || !this.schedule.spacingOk(a, ev.day)) continue;
          if (trigger === 'planned' && !this.schedule.capOk(a, ev.day, e.grade)) continue;
          next = a;
        }
        if (next < 0) {
          for (const a of eligible.agencies) {
            if (!agencies.includes(a) && this.schedule.spacingOk(a, ev.day) && (trigger !== 'planned' || this.schedule.capOk(a, ev.day, e.grade))) {
              next = a;
              break;
            }
          }
        }
        if (next < 0) {
          // Every agency inspected recently: join anyway (the record count is a promise).
          for (const a of eligible.agencies) {
            if (!agencies.includes(a)) {
              next = a;
              break;
            }
          }
        }
        agencies.push(next);
      }
    }
    ev.agency = agencies[0];

    // Officers and the hour: a slot in which every officer is free, so nobody is in two places
    // (unless this is the planted overlap). The slots tried: the working ones, the evening ones too
    // for an emergency, the night slot alone for the planted off-hours visit.
    const emergency = trigger === 'emergency';
    const slotBase = ev.offHours ? NIGHT_SLOT : 0;
    const slotCount = ev.offHours ? 1 : emergency ? SLOT_MINUTES.length : WORK_SLOTS;
    const officerSets: number[][] = [];
    let slot = -1;
    if (ev.forcedSlot >= 0) {
      slot = ev.forcedSlot;
      const a = this.agencies[agencies[0]];
      const set = [ev.forcedOfficer];
      this.officers.pickFreeOfficers(a, ev.day, slot, this.officers.officersWanted(a, rng), set, rng);
      officerSets.push(set);
    } else {
      const firstSlot = rng.int(slotCount);
      for (let s = 0; s < slotCount && slot < 0; s++) {
        const candidate = slotBase + ((firstSlot + s) % slotCount);
        officerSets.length = 0;
        let ok = true;
        for (const agencyIndex of agencies) {
          const a = this.agencies[agencyIndex];
          const set: number[] = [];
          this.officers.pickFreeOfficers(a, ev.day, candidate, this.officers.officersWanted(a, rng), set, rng);
          if (set.length === 0) {
            ok = false;
            break;
          }
          officerSets.push(set);
        }
        if (ok) slot = candidate;
      }
      if (slot < 0) {
        // Nobody free in any slot: double-book (counted, so benchmarks can report it).
        slot = slotBase + firstSlot;
        officerSets.length = 0;
        for (const agencyIndex of agencies) {
          const a = this.agencies[agencyIndex];
          officerSets.push([a.firstOfficer + rng.int(a.officers)]);
        }
        this.unplannedOverlaps++;
      }
    }
    for (const set of officerSets) this.officers.book(set, ev.day, slot);

    const minutes = ev.offHours && rng.chance(0.5) ? DAWN_MINUTES : SLOT_MINUTES[slot];
    const startMs = this.calendar.dayZeroMs + ev.day * DAY_MS + minutes * 60_000 + rng.int(1200) * 1000;
    // The planted short visit: the code scanned and gone within minutes.
    const durationMs = (ev.shortVisit ? 2 * 60 + rng.int(7 * 60) : 35 * 60 + rng.int(3600)) * 1000;
    const jointId = agencies.length > 1 ? `J${pad(++this.jointSeq, this.idWidth)}` : null;
    if (jointId !== null) this.jointRecords += agencies.length;

    for (let k = 0; k < agencies.length; k++) {
      const a = this.agencies[agencies[k]];
      const officers = officerSets[k];
      // Items: never a 无事不扰 item on a planned inspection, except the planted one.
      const itemIds: string[] = [];
      const want = rng.chance(0.45) ? 1 : rng.chance(0.73) ? 2 : 3;
      for (let attempt = 0; attempt < 8 && itemIds.length < want; attempt++) {
        const j = rng.int(a.itemIds.length);
        if (trigger === 'planned' && a.itemNoDisturb[j]) continue;
        if (!itemIds.includes(a.itemIds[j])) itemIds.push(a.itemIds[j]);
      }
      if (ev.noDisturb && k === 0) {
        const j = a.itemNoDisturb.indexOf(true);
        if (j >= 0 && !itemIds.includes(a.itemIds[j])) itemIds.push(a.itemIds[j]);
      }
      if (itemIds.length === 0) itemIds.push(a.itemIds[a.itemNoDisturb.indexOf(false)] ?? a.itemIds[0]);

      let coded = true;
      let codedAt: number | null = null;
      if (emergency) {
        // 先检查后补码: the code is filed afterwards, usually within the 24-hour deadline.
        coded = false;
        const x = rng.next();
        if (ev.lateCode) codedAt = x < 0.7 ? startMs + (30 + rng.int(30)) * 3600_000 : null;
        else if (x < 0.82) codedAt = startMs + (1800 + rng.int(20 * 3600)) * 1000;
        else if (x < 0.94) codedAt = startMs + (25 + rng.int(48)) * 3600_000;
        else codedAt = null;
        if (codedAt !== null && codedAt > this.calendar.endMs) codedAt = null;
      } else if (ev.uncoded) {
        coded = false;
        codedAt = rng.chance(0.5) ? startMs + (2 + rng.int(72)) * 3600_000 : null;
        if (codedAt !== null && codedAt > this.calendar.endMs) codedAt = null;
      }

      const r = rng.next();
      const penalty = ev.scenario === S_PENALTY && k === 0 && a.kindIndex === 0;
      const outside = ev.scenario === S_OUT_OF_JURISDICTION && k === 0;
      const repeat = ev.scenario === S_REPEAT_LIGHTER && k === 0;
      let result: InspectionResult = penalty || outside || repeat
        ? 'case'
        : r < (emergency ? 0.5 : 0.72) ? 'pass' : r < (emergency ? 0.75 : 0.9) ? 'rectify' : 'case';
      const surge = penalty || outside || repeat ? CASE_PLANT.none : this.surge.plantFor(a.index, ev.day, result === 'case', rng);
      if (surge !== CASE_PLANT.none) result = 'case';
      const finishMs = startMs + durationMs - (k === 0 ? 0 : rng.int(600) * 1000);
      const id = `X${pad(++this.count, this.idWidth)}`;
      const officerIds = officers.map((o) => this.registers.officerId(o));
      this.out.push('inspections', {
        id,
        agencyId: a.id,
        officerIds,
        creditCode: e.code,
        itemIds,
        trigger,
        jointId,
        startedAt: new Date(startMs),
        finishedAt: new Date(finishMs),
        coded,
        codedAt: codedAt === null ? null : new Date(codedAt),
        result,
      });
      this.schedule.recordInspection(a.index, ev.day, trigger === 'planned');
      if (ev.shortVisit) this.shortVisits++;
      if (ev.offHours) this.offHoursVisits++;

      const planted = penalty || outside || repeat || surge !== CASE_PLANT.none;
      if (result === 'case' && (rng.chance(this.casesRatio) || (planted && this.casesRatio > 0))) {
        const filedAt = finishMs + (2 * 3600 + rng.int(5 * 86400)) * 1000;
        const plant =
          penalty ? (this.penaltyPlants++ % 3 === 1 ? CASE_PLANT.penaltyOutlier : CASE_PLANT.penaltyGroup)
          : outside ? CASE_PLANT.decided
          : repeat ? (ev.sameAs === null ? CASE_PLANT.repeatEarlier : CASE_PLANT.repeatLighter)
          : surge;
        if (filedAt <= this.calendar.endMs) {
          this.cases.make(a, officers, e.code, id, filedAt, rng, plant);
          if (outside) this.outOfJurisdictionCases++;
          if (plant === CASE_PLANT.repeatLighter) this.lighterRepeatCases++;
        }
      }
      if (rng.chance(this.ratingsRatio)) this.ratings.make(a, id, finishMs, ev.scenario, rng);
    }
  }
}
