/** The registers: agencies (city and district level, city by city), their officers and inspection items. */
import { join } from 'node:path';
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
  private readonly agencyLines: ExchangeRecordMap['agencies'][] = [];

  constructor(
    private readonly seed: number,
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
      for (let k = 0; k < KINDS.length && this.agencies.length < this.agencyCount; k++) {
        this.addAgency(c, -1, k);
      }
      const n = city.districts.length;
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
        const phone = rng.chance(0.85) ? mobilePhone(rng) : null;
        officersOut.push('officers', {
          id: `${agency.id}-${pad(k + 1, 3)}`,
          agencyId: agency.id,
          name,
          certNo: `${city.plate}${pad(agency.index + 1, 3)}${pad(((k + 1) * 37 + agency.index) % 10_000, 4)}`,
          phone,
          certExpires: null,
        });
        this.officerActivity.push(0.5 + (levels[k] + 0.5) / count);
        this.officerIds.push(`${agency.id}-${pad(k + 1, 3)}`);
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
}
