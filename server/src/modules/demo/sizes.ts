import { MAX_AGENCIES } from './data/agency-kinds.js';

export interface DemoCitySize {
  /** Number of agencies (default 36; at most the capacity of the built-in cities, 624). */
  agencies: number;
  /** Mean officers per agency (default 12): agencies get between about half and 5/3 of it. */
  officersPerAgency: number;
  enterprises: number;
  /** Inspection records (one per agency of a joint inspection), spread over the two years ending at asOf. */
  inspections: number;
}

const SIZE_TINY: DemoCitySize = { agencies: 6, officersPerAgency: 9, enterprises: 200, inspections: 1_000 };
const SIZE_CITY: DemoCitySize = { agencies: 36, officersPerAgency: 12, enterprises: 3_000, inspections: 20_000 };
const SIZE_MILLION: DemoCitySize = { agencies: 300, officersPerAgency: 25, enterprises: 150_000, inspections: 1_000_000 };
const SIZE_PROVINCE: DemoCitySize = { agencies: 560, officersPerAgency: 60, enterprises: 1_500_000, inspections: 10_000_000 };

/**
 * Presets: `tiny` for unit and integration tests, `city` (the defaults), `million` (1 million
 * inspections, four cities) and `province` (10 million) for benchmarks. `demoCitySize(n)` scales
 * to any count.
 */
export const DEMO_CITY_SIZES = {
  tiny: SIZE_TINY,
  city: SIZE_CITY,
  million: SIZE_MILLION,
  province: SIZE_PROVINCE,
} as const;

/** A size for `inspections` records, scaled from the city preset (agencies and officers grow slower). */
export function demoCitySize(inspections: number): DemoCitySize {
  if (inspections <= SIZE_CITY.inspections) {
    const f = Math.max(inspections / SIZE_CITY.inspections, 0.01);
    return {
      agencies: Math.max(6, Math.round(SIZE_CITY.agencies * Math.sqrt(f))),
      officersPerAgency: SIZE_CITY.officersPerAgency,
      enterprises: Math.max(50, Math.round(SIZE_CITY.enterprises * f)),
      inspections,
    };
  }
  const f = inspections / SIZE_CITY.inspections;
  const agencies = Math.min(MAX_AGENCIES, Math.round(SIZE_CITY.agencies * Math.sqrt(f)));
  // Keep officers at no more than ~1.2 inspections per working day each.
  const officersPerAgency = Math.max(12, Math.ceil((inspections * 1.9) / (agencies * 520 * 1.0)));
  return { agencies, officersPerAgency: Math.min(officersPerAgency, 500), enterprises: Math.round(inspections * 0.15), inspections };
}

export type DemoSize = keyof typeof DEMO_CITY_SIZES;
