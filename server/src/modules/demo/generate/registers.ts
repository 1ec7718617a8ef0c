/** The registers: agencies (city and district level, city by city), their officers and inspection items. */
import { join } from 'node:path';
import { addDays } from '@mashang/shared';
import type { ExchangeRecordMap } from '../../exchange/records/index.js';
import { DISTRICT_KIND_ORDER, KINDS, type KindDef } from '../data/agency-kinds.js';
import { CITIES } from '../data/cities.js';
import { JsonlWriter } from './jsonl-writer.js';
import { pad } from './pad.js';
import { mobilePhone, personName } from './people.js';
import { hash3, Rng } from './rng.js';

export interface Agency {
  id: string;
  index: number;
  kind: KindDef;
  kindIndex: number;
  city: number;
  /** Global district index, or -1 for a city-level agency. */
  district: number;
  firstOfficer: number;
  officers: number;
  itemIds: string[];
  itemNoDisturb: boolean[];
}

export interface District {
  city: number;
  name: string;
  code: string;
  weight: number;
}

export class Registers {
  readonly agencies: Agency[] = [];
  readonly districts: District[] = [];
  /** Agency indexes by city, and by global district index. */
  readonly cityAgencies: number[][] = [];
  readonly districtAgencies: number[][] = [];
  /** Officer ids by global officer index (the officers of agency 0 first, then of agency 1 …). */
  readonly officerIds: string[] = [];
  /** Share of the agency's inspections each officer takes, relative to colleagues. */
  readonly officerActivity: number[] = [];
  /** Officers planted with a certificate that expired months before asOf, who kept inspecting. */
  readonly expiredOfficers: string[] = [];
  /** District-level agencies of a district's city outside that district, by global district index. */
  private readonly outside = new Map<number, number[]>();
  private readonly agencyLines: ExchangeRecordMap['agencies'][] = [];

  constructor(
    private readonly seed: number,
    private readonly asOf: string,
    private readonly agencyCount: number,
    private readonly officersPerAgency: number,
  ) {}

  buildAgencies(): void {
    for (const city of CITIES) {
      for (const [name, code, weight] of city.districts) {
        this.districts.push({ city: CITIES.indexOf(city), name, code, weight });
      }
    }
    const kindIndex = new Map(KINDS.map((k, i) => [k.kind, i]));
    let districtBase = 0;
    for (let c = 0; c < CITIES.length && this.agencies.length < this.agencyCount; c++) {
      const city = CITIES[c];
      this.cityAgencies[c] = [];
      const n = city.districts.length;
      // Too few agencies for any district-level one: the last is a county's department instead, so
      // even the smallest city has a jurisdiction narrower than the city's.
      const county = districtBase + Math.max(0, city.districts.findIndex(([name]) => name.endsWith('县')));
      for (let k = 0; k < KINDS.length && this.agencies.length < this.agencyCount; k++) {
        const last = c === 0 && this.agencies.length > 0 && this.agencies.length === this.agencyCount - 1;
        this.addAgency(c, last ? county : -1, k);
      }
      for (let j = 0; j < n * KINDS.length && this.agencies.length < this.agencyCount; j++) {
        const d = districtBase + (j % n);
        const k = kindIndex.get(DISTRICT_KIND_ORDER[Math.floor(j / n)])!;
        this.addAgency(c, d, k);
      }
      districtBase += n;
    }
  }

  private addAgency(city: number, district: number, kindIndex: number): void {
    const index = this.agencies.length;
    const kind = KINDS[kindIndex];
    const c = CITIES[city];
    let name: string;
    let region: string;
    if (district < 0) {
      name = `${c.name}市${kind.dept}`;
      region = `${c.code}00`;
    } else {
      const d = this.districts[district];
      region = d.code;
      const county = !d.name.endsWith('区');
      if (kind.style === 'fire') name = county ? `${d.name}消防救援大队` : `${c.name}市${d.name}消防救援大队`;
      else if (county) name = `${d.name}${kind.dept}`;
      else if (kind.style === 'branch') name = `${c.name}市${kind.dept}${d.name.replace(/(回族)?区$/, '')}分局`;
      else name = `${c.name}市${d.name}${kind.dept}`;
    }
    const agency: Agency = {
      id: `A${pad(index + 1, 3)}`,
      index,
      kind,
      kindIndex,
      city,
      district,
      firstOfficer: 0,
      officers: 0,
      itemIds: [],
      itemNoDisturb: [],
    };
    this.agencies.push(agency);
    if (district < 0) this.cityAgencies[city].push(index);
    else (this.districtAgencies[district] ??= []).push(index);
    this.agencyLines.push({ id: agency.id, name, kind: kind.kind, region });
  }

  /**
   * Writes agencies, officers and items. `loads` is the expected inspection records per agency,
   * which sets a floor under its officer count.
   */
  async write(dir: string, loads: Float64Array): Promise<void> {
    const rng = new Rng(hash3(this.seed, 0xa6e, 2));
    const agenciesOut = new JsonlWriter(join(dir, 'agencies.jsonl'));
    for (const line of this.agencyLines) agenciesOut.push('agencies', line);
    await agenciesOut.close();

    // Officers: between about half and 5/3 of the mean per agency; the first agency is large
    // (it holds the overloaded officer), one quiet agency small, so the workload rule sees both
    // sides of its 8-officer threshold.
    const mean = this.officersPerAgency;
    const lo = Math.max(2, Math.round(mean / 2));
    const hi = Math.min(999, Math.max(lo, Math.round((mean * 5) / 3), 8));
    // The small agency: the last of the least busy kind.
    let smallest = this.agencies.length - 1;
    for (const a of this.agencies) if (a.index > 0 && a.kind.weight <= this.agencies[smallest].kind.weight) smallest = a.index;
    // Expired certificates: an officer of middling activity in each of the busiest agencies (about
    // one in fifteen, at least two) but A001, whose first officers are the demo logins.
    const expiredIn = new Set(
      this.agencies
        .filter((a) => a.index > 0)
        .sort((x, y) => loads[y.index] - loads[x.index] || x.index - y.index)
        .slice(0, Math.max(2, Math.round(this.agencies.length / 15)))
        .map((a) => a.index),
    );
    const certRng = new Rng(hash3(this.seed, 0xce27, 3));
    const officersOut = new JsonlWriter(join(dir, 'officers.jsonl'));
    let officerTotal = 0;
    for (const agency of this.agencies) {
      const busiest = agency.district < 0 && agency.kind.weight >= 3;
      const drawn =
        agency.index === 0 ? hi
        : agency.index === smallest ? lo
        : busiest ? rng.range(Math.round((lo + 2 * hi) / 3), hi)
        : rng.range(lo, hi);
      // Busy agencies get at least the officers their expected workload needs (about one
      // inspection per officer and working day), so officers are rarely double-booked.
      const needed = Math.ceil((loads[agency.index] * 2.05) / 500);
      const count = Math.min(9999, Math.max(drawn, needed));
      agency.firstOfficer = officerTotal;
      agency.officers = count;
      // Some officers inspect more than others (team leaders, desk duty ...): activity levels
      // spread evenly over 0.5–1.5 of the mean, in random order.
      const levels = Array.from({ length: count }, (_, k) => k);
      for (let k = count - 1; k > 0; k--) {
        const j = rng.int(k + 1);
        [levels[k], levels[j]] = [levels[j], levels[k]];
      }
      const city = CITIES[agency.city];
      for (let k = 0; k < count; k++) {
        let name = personName(rng);
        if (agency.index === 0 && k < 2) name = k === 0 ? '张建国' : '李秀梅';
        // The fire brigade's first officer is the demo login officer3 (the joint inspection's other agency).
        if (agency.index === 1 && k === 0) name = '王志强';
        const phone = rng.chance(0.85) ? mobilePhone(rng) : null;
        const id = `${agency.id}-${pad(k + 1, 3)}`;
        let certExpires: string | null;
        if (expiredIn.has(agency.index) && levels[k] === count >> 1) {
          certExpires = addDays(this.asOf, -certRng.range(60, 150));
          this.expiredOfficers.push(id);
        } else {
          // Most certificates run for years yet; a few registers do not record the date.
          certExpires = certRng.chance(0.08) ? null : addDays(this.asOf, certRng.range(180, 6 * 365));
        }
        officersOut.push('officers', {
          id,
          agencyId: agency.id,
          name,
          certNo: `${city.plate}${pad(agency.index + 1, 3)}${pad(((k + 1) * 37 + agency.index) % 10_000, 4)}`,
          phone,
          certExpires,
        });
        this.officerActivity.push(0.5 + (levels[k] + 0.5) / count);
        this.officerIds.push(id);
      }
      officerTotal += count;
    }
    await officersOut.close();

    const itemsOut = new JsonlWriter(join(dir, 'items.jsonl'));
    for (const agency of this.agencies) {
      agency.kind.items.forEach(([name, basis, listed], k) => {
        // The catalogue marks the 无事不扰 items; a few agencies add one more of their own.
        const noDisturb = listed || (k > 1 && rng.chance(0.03));
        const id = `${agency.id}-I${pad(k + 1, 2)}`;
        agency.itemIds.push(id);
        agency.itemNoDisturb.push(noDisturb);
        itemsOut.push('items', { id, agencyId: agency.id, name, basis, noDisturb });
      });
    }
    await itemsOut.close();
  }

  officerId(globalIndex: number): string {
    return this.officerIds[globalIndex];
  }

  /** District-level agencies of `district`'s city but another district: acting in `district` is outside their jurisdiction. */
  outsideAgencies(district: number): number[] {
    let list = this.outside.get(district);
    if (!list) {
      const city = this.districts[district].city;
      list = this.agencies.filter((a) => a.city === city && a.district >= 0 && a.district !== district).map((a) => a.index);
      this.outside.set(district, list);
    }
    return list;
  }
}
