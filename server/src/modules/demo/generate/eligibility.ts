/** The agencies that may inspect an enterprise, weighted by how much of its work they do. */
import { INDUSTRIES } from '../data/industries.js';
import type { Registers } from './registers.js';
import type { Rng } from './rng.js';

export interface Eligible {
  agencies: number[];
  cumulative: number[];
  total: number;
  emergency: number[];
  emergencyCumulative: number[];
  emergencyTotal: number;
}

export class EligibleAgencies {
  private readonly cache = new Map<number, Eligible>();

  constructor(private readonly registers: Registers) {}

  /** The agencies eligible in `district` for `industry` (cached: there are few combinations). */
  of(district: number, industry: number): Eligible {
    const key = district * 64 + industry;
    let e = this.cache.get(key);
    if (e) return e;
    const { agencies, districts, cityAgencies, districtAgencies } = this.registers;
    const relevant = INDUSTRIES[industry][1];
    const list = [...cityAgencies[districts[district].city], ...(districtAgencies[district] ?? [])];
    e = { agencies: [], cumulative: [], total: 0, emergency: [], emergencyCumulative: [], emergencyTotal: 0 };
    const local = new Set((districtAgencies[district] ?? []).map((a) => agencies[a].kind.kind));
    for (const a of list) {
      const agency = agencies[a];
      // Where a district branch exists it does most of the work; the city bureau much less.
      const level = agency.district >= 0 ? 1.5 : local.has(agency.kind.kind) ? 0.3 : 1;
      const w = agency.kind.weight * (relevant.includes(agency.kind.kind) ? 4 : 0.5) * level;
      e.total += w;
      e.agencies.push(a);
      e.cumulative.push(e.total);
      if (agency.kind.emergency && relevant.includes(agency.kind.kind)) {
        e.emergencyTotal += w;
        e.emergency.push(a);
        e.emergencyCumulative.push(e.emergencyTotal);
      }
    }
    this.cache.set(key, e);
    return e;
  }
}

export function pickWeighted(list: number[], cumulative: number[], total: number, rng: Rng): number {
  const x = rng.next() * total;
  for (let k = 0; k < list.length; k++) if (cumulative[k] > x) return list[k];
  return list[list.length - 1];
}
