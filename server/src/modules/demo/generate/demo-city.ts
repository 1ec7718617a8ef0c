/**
 * A deterministic demo city in the exchange format (`shared/spec/exchange-format.md`): agencies,
 * officers, inspection items and enterprises of one Henan city (more cities for province-scale
 * benchmarks), two years of inspections ending at `asOf`, cases and ratings — with a controlled
 * sprinkling of the anomalies of `anomaly-rules.md` planted so every rule has findings.
 *
 * Same options and seed → byte-identical files. Generation streams: enterprises are derived
 * from their index (nothing per enterprise is kept in memory but one byte of plan), inspections
 * are generated enterprise by enterprise and written with back-pressure-aware streams. The only
 * sizeable state is the officers' day-slot calendar (officers × 730 bytes), which keeps officers
 * from being in two places at once except where that is planted.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiDate } from '@mashang/shared';
import { MAX_AGENCIES } from '../data/agency-kinds.js';
import { DEMO_CITY_SIZES, type DemoCitySize } from '../sizes.js';
import { Calendar, checkAsOf } from './calendar.js';
import { CaseWriter } from './cases.js';
import { EligibleAgencies } from './eligibility.js';
import { Enterprises } from './enterprises.js';
import { FineSurge } from './fine-surge.js';
import { InspectionWriter } from './inspections.js';
import { JsonlWriter } from './jsonl-writer.js';
import { OfficerCalendar } from './officers.js';
import { pad } from './pad.js';
import { RatingWriter } from './ratings.js';
import { Registers } from './registers.js';
import { hash3, Rng } from './rng.js';
import { PLANT_SCENARIOS } from './scenarios.js';

export interface DemoCityOptions extends Partial<DemoCitySize> {
  /** PRNG seed (default 1). */
  seed?: number;
  /** Share of `case` results that have a case record (default 0.9). */
  casesRatio?: number;
  /** Share of inspection records the enterprise rated (default 0.85; only ratings dated by asOf). */
  ratingsRatio?: number;
  /** Last day of the data, YYYY-MM-DD in Asia/Shanghai (default: today there). */
  asOf?: string;
}

export interface DemoCityCounts {
  asOf: string;
  seed: number;
  agencies: number;
  officers: number;
  items: number;
  enterprises: number;
  inspections: number;
  /** Inspection records that carry a jointId. */
  jointInspections: number;
  cases: number;
  ratings: number;
  /** What was planted on purpose, for tests of the anomaly report. */
  planted: {
    /** Enterprises per scenario (see PLANT_SCENARIOS). */
    scenarios: Record<string, number>;
    overloadedOfficer: string;
    lowSatisfactionAgency: string;
    revokedCases: number;
    overtimeCases: number;
    causeChangedCases: number;
    fineOutlierCases: number;
    /** Officers whose certificate expired months before asOf and who kept inspecting (expired-certificate). */
    expiredCertificateOfficers: string[];
    /** Inspections of a few minutes (short-visit). */
    shortVisits: number;
    /** Schedulable inspections started at dawn or late at night (off-hours-inspection). */
    offHoursInspections: number;
    /** Cases decided by a district agency on an enterprise of another district (out-of-jurisdiction). */
    outOfJurisdictionCases: number;
    /** Repeat offences punished more lightly than the first (repeat-offence-lighter). */
    lighterRepeatCases: number;
    /** The agency whose fines surge in the last 90 days (fine-surge); null when nothing was planted. */
    fineSurgeAgency: string | null;
    /** Inspections where no officer was free and someone had to be double-booked anyway. */
    unplannedOverlaps: number;
  };
}

function positiveInt(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  return value;
}

/**
 * Writes a demo city into `dir` (created if missing; the seven files are overwritten) and
 * returns what it wrote. Deterministic: the same options give byte-identical files.
 */
export async function generateDemoCity(dir: string, options: DemoCityOptions = {}): Promise<DemoCityCounts> {
  const seed = (options.seed ?? 1) >>> 0;
  const plantsRng = new Rng(hash3(seed, 0x5eed, 0));
  const asOf = options.asOf ?? shanghaiDate(Date.now());
  checkAsOf(asOf);
  const calendar = new Calendar(asOf);
  const defaults = DEMO_CITY_SIZES.city;
  const size: DemoCitySize = {
    agencies: positiveInt('agencies', options.agencies ?? defaults.agencies, 2),
    officersPerAgency: positiveInt('officersPerAgency', options.officersPerAgency ?? defaults.officersPerAgency, 2),
    enterprises: positiveInt('enterprises', options.enterprises ?? defaults.enterprises, 1),
    inspections: positiveInt('inspections', options.inspections ?? defaults.inspections, 0),
  };
  if (size.agencies > MAX_AGENCIES) throw new RangeError(`agencies must be at most ${MAX_AGENCIES}`);
  if (size.enterprises > 2 ** 31) throw new RangeError('too many enterprises');
  const casesRatio = options.casesRatio ?? 0.9;
  const ratingsRatio = options.ratingsRatio ?? 0.85;
  if (!(casesRatio >= 0 && casesRatio <= 1)) throw new RangeError('casesRatio must be in [0, 1]');
  if (!(ratingsRatio >= 0 && ratingsRatio <= 1)) throw new RangeError('ratingsRatio must be in [0, 1]');
  const idWidth = Math.max(6, String(size.inspections).length);

  mkdirSync(dir, { recursive: true });
  const registers = new Registers(seed, asOf, size.agencies, size.officersPerAgency);
  registers.buildAgencies();
  const eligible = new EligibleAgencies(registers);
  const enterprises = new Enterprises(seed, size, casesRatio, registers, eligible);
  enterprises.prepareDistricts();
  const loads = enterprises.expectedLoads();
  await registers.write(dir, loads);
  // The fine surge: the busiest agency, which has cases enough in 90 days (planted with the scenarios).
  const surgeAgency = casesRatio > 0 && size.inspections >= 300 ? loads.indexOf(Math.max(...loads)) : -1;
  const officers = new OfficerCalendar(registers);
  enterprises.choosePlants(plantsRng);
  const totalWeight = await enterprises.write(dir);

  const cases = new CaseWriter(new JsonlWriter(join(dir, 'cases.jsonl')), calendar, registers, idWidth);
  const ratings = new RatingWriter(new JsonlWriter(join(dir, 'ratings.jsonl')), calendar, registers.agencies.length);
  const inspections = new InspectionWriter(new JsonlWriter(join(dir, 'inspections.jsonl')), {
    seed, size, casesRatio, ratingsRatio, idWidth, calendar, registers, officers, eligible, enterprises, cases, ratings,
    surge: new FineSurge(surgeAgency),
  });
  await inspections.write(totalWeight);
  await Promise.all([inspections.out.close(), cases.out.close(), ratings.out.close()]);

  const scenarios: Record<string, number> = {};
  for (let s = 1; s < PLANT_SCENARIOS.length; s++) scenarios[PLANT_SCENARIOS[s]] = enterprises.scenarioCounts[s];
  const agencies = registers.agencies;
  const overloaded = agencies[officers.overloadAgency];
  return {
    asOf,
    seed,
    agencies: agencies.length,
    officers: registers.officerIds.length,
    items: agencies.reduce((n, a) => n + a.itemIds.length, 0),
    enterprises: size.enterprises,
    inspections: inspections.count,
    jointInspections: inspections.jointRecords,
    cases: cases.count,
    ratings: ratings.count,
    planted: {
      scenarios,
      overloadedOfficer: `${overloaded.id}-${pad(officers.overloadOfficer + 1, 3)}`,
      lowSatisfactionAgency: agencies[ratings.lowSatisfactionAgency].id,
      revokedCases: cases.revoked,
      overtimeCases: cases.overtime,
      causeChangedCases: cases.causeChanged,
      fineOutlierCases: cases.fineOutliers,
      expiredCertificateOfficers: [...registers.expiredOfficers],
      shortVisits: inspections.shortVisits,
      offHoursInspections: inspections.offHoursVisits,
      outOfJurisdictionCases: inspections.outOfJurisdictionCases,
      lighterRepeatCases: inspections.lighterRepeatCases,
      fineSurgeAgency: surgeAgency >= 0 ? agencies[surgeAgency].id : null,
      unplannedOverlaps: inspections.unplannedOverlaps,
    },
  };
}
