/**
 * Enterprises, derived from their index: nothing per enterprise is kept in memory but one byte
 * of plan (the scenario planted on it).
 */
import { join } from 'node:path';
import { buildCreditCode, CREDIT_GRADES } from '@mashang/shared';
import { CITIES } from '../data/cities.js';
import { BRANDS, BUSINESSES, SHOP_OWNERS, SHOPS } from '../data/enterprise-names.js';
import { IND, INDUSTRIES } from '../data/industries.js';
import type { DemoCitySize } from '../sizes.js';
import type { EligibleAgencies } from './eligibility.js';
import { JsonlWriter } from './jsonl-writer.js';
import { mobilePhone } from './people.js';
import type { Registers } from './registers.js';
import { fmix32, hash3, Rng } from './rng.js';
import { PLANT_SCENARIOS, S_FREQUENCY, S_HIGH_RISK, S_LOW_TOUCH, S_NONE, S_OUT_OF_JURISDICTION, S_OVERLAP, S_PENALTY, S_REPEAT_LIGHTER } from './scenarios.js';

/** A reusable view of one enterprise, derived from its index. */
export interface EnterpriseView {
  code: string;
  name: string;
  industry: number;
  district: number;
  phone: string | null;
  grade: number;
  lowTouch: boolean;
  weight: number;
}

/** How often an enterprise is inspected, relative to the others, by credit grade A–D. */
const GRADE_WEIGHT = [0.6, 1, 1.8, 3];
/** The 31 characters GB 32100 allows in a unified social credit code. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export class Enterprises {
  /** The scenario (index into PLANT_SCENARIOS) planted on each enterprise, S_NONE for most. */
  plan!: Uint8Array;
  /** Enterprises per scenario. */
  readonly scenarioCounts = new Array<number>(PLANT_SCENARIOS.length).fill(0);
  private readonly districtCumulative: number[] = [];
  private readonly districtList: number[] = [];
  private districtTotal = 0;
  private readonly codeSalt: number;
  /** Reused for every enterprise. */
  private readonly ent: EnterpriseView = { code: '', name: '', industry: 0, district: 0, phone: null, grade: 0, lowTouch: false, weight: 1 };

  constructor(
    private readonly seed: number,
    private readonly size: DemoCitySize,
    private readonly casesRatio: number,
    private readonly registers: Registers,
    private readonly eligible: EligibleAgencies,
  ) {
    this.codeSalt = hash3(seed, 0xc0de, 1);
  }

  prepareDistricts(): void {
    // Enterprises live in the districts of the cities that have agencies, in proportion to the
    // number of agencies of each city (so a city cut short by the agency count stays small).
    const perCity = new Map<number, number>();
    for (const a of this.registers.agencies) perCity.set(a.city, (perCity.get(a.city) ?? 0) + 1);
    let total = 0;
    for (let d = 0; d < this.registers.districts.length; d++) {
      const district = this.registers.districts[d];
      const cityAgencies = perCity.get(district.city);
      if (!cityAgencies) continue;
      const cityWeight = CITIES[district.city].districts.reduce((s, x) => s + x[2], 0);
      total += (district.weight / cityWeight) * cityAgencies;
      this.districtList.push(d);
      this.districtCumulative.push(total);
    }
    this.districtTotal = total;
  }

  /** Expected inspection records per agency, from the district and industry mix. */
  expectedLoads(): Float64Array {
    const loads = new Float64Array(this.registers.agencies.length);
    const mix = new Float64Array(INDUSTRIES.length);
    for (const [, industry] of SHOPS) mix[industry] += 0.6 / SHOPS.length;
    for (const [, industry] of BUSINESSES) mix[industry] += 0.4 / BUSINESSES.length;
    let previous = 0;
    for (let k = 0; k < this.districtList.length; k++) {
      const share = (this.districtCumulative[k] - previous) / this.districtTotal;
      previous = this.districtCumulative[k];
      for (let industry = 0; industry < INDUSTRIES.length; industry++) {
        if (mix[industry] === 0) continue;
        const e = this.eligible.of(this.districtList[k], industry);
        for (let j = 0; j < e.agencies.length; j++) {
          const w = e.cumulative[j] - (j > 0 ? e.cumulative[j - 1] : 0);
          loads[e.agencies[j]] += (this.size.inspections * share * mix[industry] * w) / e.total;
        }
      }
    }
    return loads;
  }

  private pickDistrict(rng: Rng): number {
    const x = rng.next() * this.districtTotal;
    const cum = this.districtCumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.districtList[lo];
  }

  /** Fills `this.ent` with enterprise `i`; the same every time for the same seed. */
  at(i: number, rng: Rng): EnterpriseView {
    rng.reseed(hash3(this.seed, i, 0xe7));
    const e = this.ent;
    const district = this.pickDistrict(rng);
    const d = this.registers.districts[district];
    const city = CITIES[d.city];
    const company = rng.chance(0.4);
    let name: string;
    let industry: number;
    let prefix: string;
    if (company) {
      const [business, ind] = rng.pick(BUSINESSES);
      const place = rng.chance(0.15) ? '河南' : city.name;
      const form = rng.chance(0.9) ? '有限公司' : rng.chance(0.5) ? '有限责任公司' : '股份有限公司';
      name = `${place}${rng.pick(BRANDS)}${business}${form}`;
      industry = ind;
      prefix = `91${rng.chance(0.3) ? `${city.code}00` : d.code}`;
    } else {
      const [shop, ind] = rng.pick(SHOPS);
      const place = d.name.endsWith('区') ? `${city.name}市${d.name}` : d.name;
      name = `${place}${rng.pick(SHOP_OWNERS)}${shop}`;
      industry = ind;
      prefix = `92${d.code}`;
    }
    const phone = rng.chance(0.9) ? mobilePhone(rng) : null;
    const g = rng.next();
    let grade = g < 0.45 ? 0 : g < 0.85 ? 1 : g < 0.96 ? 2 : 3;
    let lowTouch = grade === 0 && rng.chance(0.11);
    const heavy = industry === IND['危险化学品'] || industry === IND['食品生产'] || industry === IND['燃气'];
    const scenario = this.plan[i];
    if (scenario === S_FREQUENCY) {
      grade = 0;
      lowTouch = false;
    } else if (scenario === S_LOW_TOUCH) {
      grade = 0;
      lowTouch = true;
    } else if (scenario === S_HIGH_RISK || scenario === S_OVERLAP) {
      // (The overlap's agency is forced by the officer's calendar; with no yearly cap on grade D
      // it cannot also exceed the planned-inspection cap.)
      grade = 3;
      lowTouch = false;
    } else if (scenario !== S_NONE) {
      lowTouch = false;
    }
    // Organisation body: a bijection of the index, so codes are unique; written in the 31
    // characters GB 32100 allows, so buildCreditCode always accepts it.
    let x = fmix32((i + this.codeSalt) >>> 0);
    let body = '';
    for (let k = 0; k < 8; k++) {
      body += USCC_CHARS[x % 31];
      x = Math.floor(x / 31);
    }
    e.code = buildCreditCode(prefix, body);
    e.name = name;
    e.industry = industry;
    e.district = district;
    e.phone = phone;
    e.grade = grade;
    e.lowTouch = lowTouch;
    e.weight = GRADE_WEIGHT[grade] * (lowTouch ? 0.25 : 1) * (company ? 1.3 : 1) * (heavy ? 1.5 : 1);
    // The overlap's enterprise is inspected rarely, so its forced agency stays clear of the others.
    if (scenario === S_OVERLAP) e.weight *= 0.2;
    return e;
  }

  choosePlants(rng: Rng): void {
    const n = this.size.enterprises;
    this.plan = new Uint8Array(n);
    if (this.size.inspections < 300 || n < 40) return;
    // About 0.3% of the enterprises per scenario, at least 3; planted inspections stay under ~15%.
    const perScenario = Math.min(
      Math.max(3, Math.round(n * 0.003)),
      Math.max(3, Math.floor((this.size.inspections * 0.15) / 14)),
      Math.floor((n * 0.4) / (PLANT_SCENARIOS.length - 1)),
    );
    const lo = Math.floor(n / 4);
    const scratch = new Rng(0);
    for (let s = 1; s < PLANT_SCENARIOS.length; s++) {
      // The penalty group needs at least 5 decided cases of one clause and level; the scenarios
      // planted on a case need cases.
      const withCases = s === S_PENALTY || s === S_OUT_OF_JURISDICTION || s === S_REPEAT_LIGHTER;
      const count = withCases && this.casesRatio === 0 ? 0 : s === S_PENALTY ? Math.max(6, perScenario) : perScenario;
      for (let k = 0; k < count; k++) {
        let i = -1;
        for (let attempt = 0; attempt < 1000 && i < 0; attempt++) {
          const j = lo + rng.int(n - lo);
          if (this.plan[j] === S_NONE && (s !== S_OUT_OF_JURISDICTION || this.hasOutsideAgency(j, scratch))) i = j;
        }
        if (i < 0) break;
        this.plan[i] = s;
        this.scenarioCounts[s]++;
      }
    }
  }

  /** Whether some district-level agency of enterprise `i`'s city sits in another district. */
  private hasOutsideAgency(i: number, rng: Rng): boolean {
    return this.registers.outsideAgencies(this.at(i, rng).district).length > 0;
  }

  async write(dir: string): Promise<number> {
    const out = new JsonlWriter(join(dir, 'enterprises.jsonl'));
    const rng = new Rng(0);
    let totalWeight = 0;
    for (let i = 0; i < this.size.enterprises; i++) {
      const e = this.at(i, rng);
      totalWeight += e.weight;
      out.push('enterprises', {
        creditCode: e.code,
        name: e.name,
        industry: INDUSTRIES[e.industry][0],
        region: this.registers.districts[e.district].code,
        phone: e.phone,
        creditGrade: CREDIT_GRADES[e.grade],
        lowTouch: e.lowTouch,
      });
      if (out.pending) await out.drain();
    }
    await out.close();
    return totalWeight;
  }
}
