/**
 * The planted 趋利性执法 (fine-surge): one busy agency whose inspections of the last months end in a
 * case far more often than usual, mostly severe, each decided in the 90 days ending at asOf; and two
 * of its cases decided in the same 90 days a year earlier, so the comparison has a base.
 */
import { DAYS } from './calendar.js';
import { CASE_PLANT, type CasePlant } from './cases.js';
import type { Rng } from './rng.js';

/**
 * Inspection days whose cases can be decided in each period (filed within 6 days of the inspection,
 * decided 10–75 days after filing: see CaseWriter).
 */
const SURGE_INSPECTION_DAYS = [DAYS - 160, DAYS - 20];
const BASELINE_INSPECTION_DAYS = [DAYS - 520, DAYS - 385];
/** Share of the surge agency's other inspections in those months that end in a case too (about one in ten do anyway). */
const SURGE_EXTRA_CASES = 0.3;
const BASELINE_CASES = 2;

export class FineSurge {
  private baselineCases = 0;

  /** `agency`: the agency's index, or -1 to plant nothing. */
  constructor(readonly agency: number) {}

  /** What a case of `agency`'s inspection on `day` is planted for (`isCase`: it ends in a case already); none to leave it be. */
  plantFor(agency: number, day: number, isCase: boolean, rng: Rng): CasePlant {
    if (agency !== this.agency) return CASE_PLANT.none;
    if (day >= SURGE_INSPECTION_DAYS[0] && day <= SURGE_INSPECTION_DAYS[1]) {
      return isCase || rng.chance(SURGE_EXTRA_CASES) ? CASE_PLANT.surge : CASE_PLANT.none;
    }
    if (day >= BASELINE_INSPECTION_DAYS[0] && day <= BASELINE_INSPECTION_DAYS[1] && this.baselineCases < BASELINE_CASES) {
      this.baselineCases++;
      return CASE_PLANT.surgeBaseline;
    }
    return CASE_PLANT.none;
  }
}
