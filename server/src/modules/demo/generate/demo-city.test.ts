import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daysBetween, ROLES, shanghaiDate } from '@mashang/shared';
import {
  EXCHANGE_FILES,
  recordKey,
  validateLine,
  type ExchangeKind,
  type ExchangeRecordMap,
} from '../../exchange/records/index.js';
import type { AgencyRecord, CaseRecord, EnterpriseRecord, InspectionRecord, ItemRecord, OfficerRecord, RatingRecord } from '@mashang/shared';
import { DEMO_LOGINS } from '../data/logins.js';
import { DEMO_CITY_SIZES, demoCitySize } from '../sizes.js';
import { generateDemoCity, type DemoCityCounts } from './demo-city.js';
import { PLANT_SCENARIOS } from './scenarios.js';

const AS_OF = '2026-11-20';
const SEED = 7;
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'demo-city-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Dataset {
  agencies: AgencyRecord[];
  officers: OfficerRecord[];
  items: ItemRecord[];
  enterprises: EnterpriseRecord[];
  inspections: InspectionRecord[];
  cases: CaseRecord[];
  ratings: RatingRecord[];
}

/** Reads and validates every line; throws on the first invalid one. */
function load(dir: string): Dataset {
  const data = {} as Record<ExchangeKind, unknown[]>;
  for (const { kind, file } of EXCHANGE_FILES) {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    data[kind] = lines.map((line, i) => {
      const result = validateLine(kind, line);
      if (!result.ok) throw new Error(`${file}:${i + 1}: ${JSON.stringify(result.errors)}`);
      return result.record;
    });
  }
  return data as unknown as Dataset;
}

describe('generateDemoCity (tiny)', () => {
  let dir: string;
  let counts: DemoCityCounts;
  let data: Dataset;

  beforeAll(async () => {
    dir = tempDir();
    counts = await generateDemoCity(dir, { ...DEMO_CITY_SIZES.tiny, seed: SEED, asOf: AS_OF });
    data = load(dir);
  });

  it('is byte-identical for the same seed and differs for another seed', async () => {
    const again = tempDir();
    const other = tempDir();
    expect(await generateDemoCity(again, { ...DEMO_CITY_SIZES.tiny, seed: SEED, asOf: AS_OF })).toEqual(counts);
    await generateDemoCity(other, { ...DEMO_CITY_SIZES.tiny, seed: SEED + 1, asOf: AS_OF });
    for (const { file } of EXCHANGE_FILES) {
      expect(readFileSync(join(again, file)).equals(readFileSync(join(dir, file)))).toBe(true);
    }
    expect(readFileSync(join(other, 'inspections.jsonl')).equals(readFileSync(join(dir, 'inspections.jsonl')))).toBe(false);
  });

  it('writes every line valid (checked while loading) and reports the counts it wrote', () => {
    expect(counts.inspections).toBe(DEMO_CITY_SIZES.tiny.inspections);
    expect(data.inspections).toHaveLength(DEMO_CITY_SIZES.tiny.inspections);
    expect(data.agencies).toHaveLength(counts.agencies);
    expect(counts.agencies).toBe(DEMO_CITY_SIZES.tiny.agencies);
    expect(data.officers).toHaveLength(counts.officers);
    expect(data.items).toHaveLength(counts.items);
    expect(data.enterprises).toHaveLength(DEMO_CITY_SIZES.tiny.enterprises);
    expect(data.cases).toHaveLength(counts.cases);
    expect(data.ratings).toHaveLength(counts.ratings);
    expect(data.inspections.filter((i) => i.jointId !== null)).toHaveLength(counts.jointInspections);
    expect(counts.officers).toBeGreaterThanOrEqual(40);
    expect(counts.officers).toBeLessThanOrEqual(90);
    expect(counts.cases).toBeGreaterThan(30);
    expect(counts.ratings).toBeGreaterThan(700);
  });

  it('keeps ids unique per file', () => {
    for (const { kind } of EXCHANGE_FILES) {
      const records = data[kind as keyof Dataset] as ExchangeRecordMap[typeof kind][];
      const keys = new Set(records.map((r) => recordKey(kind, r)));
      expect(keys.size).toBe(records.length);
    }
    expect(new Set(data.officers.map((o) => o.certNo)).size).toBe(data.officers.length);
  });

  it('resolves every reference within the dataset', () => {
    const agencies = new Set(data.agencies.map((a) => a.id));
    const officers = new Map(data.officers.map((o) => [o.id, o]));
    const items = new Map(data.items.map((i) => [i.id, i]));
    const enterprises = new Set(data.enterprises.map((e) => e.creditCode));
    const inspections = new Map(data.inspections.map((i) => [i.id, i]));
    for (const o of data.officers) expect(agencies.has(o.agencyId)).toBe(true);
    for (const i of data.items) expect(agencies.has(i.agencyId)).toBe(true);
    for (const i of data.inspections) {
      expect(agencies.has(i.agencyId)).toBe(true);
      expect(enterprises.has(i.creditCode)).toBe(true);
      for (const o of i.officerIds) expect(officers.get(o)?.agencyId).toBe(i.agencyId);
      for (const x of i.itemIds) expect(items.get(x)?.agencyId).toBe(i.agencyId);
      expect(i.itemIds.length).toBeGreaterThan(0);
    }
    for (const c of data.cases) {
      expect(agencies.has(c.agencyId)).toBe(true);
      expect(enterprises.has(c.creditCode)).toBe(true);
      for (const o of c.officerIds) expect(officers.get(o)?.agencyId).toBe(c.agencyId);
      if (c.inspectionId !== null) {
        const inspection = inspections.get(c.inspectionId);
        expect(inspection?.agencyId).toBe(c.agencyId);
        expect(inspection?.creditCode).toBe(c.creditCode);
        expect(c.filedAt.getTime()).toBeGreaterThan(inspection!.finishedAt.getTime());
      }
    }
    for (const r of data.ratings) {
      const inspection = inspections.get(r.inspectionId);
      expect(inspection?.agencyId).toBe(r.agencyId);
      expect(r.ratedAt.getTime()).toBeGreaterThan(inspection!.finishedAt.getTime());
    }
  });

  it('groups joint inspections across different agencies on one enterprise and day', () => {
    const joint = new Map<string, InspectionRecord[]>();
    for (const i of data.inspections) if (i.jointId !== null) joint.set(i.jointId, [...(joint.get(i.jointId) ?? []), i]);
    expect(joint.size).toBeGreaterThan(20);
    for (const records of joint.values()) {
      expect(records.length).toBeGreaterThanOrEqual(2);
      expect(new Set(records.map((r) => r.agencyId)).size).toBe(records.length);
      expect(new Set(records.map((r) => r.creditCode)).size).toBe(1);
      expect(new Set(records.map((r) => shanghaiDate(r.startedAt))).size).toBe(1);
    }
    const share = data.inspections.filter((i) => i.jointId !== null).length / data.inspections.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.25);
  });

  it('covers two years ending at asOf and nothing after it', () => {
    const end = Date.parse(`${AS_OF}T00:00:00+08:00`) + 86_400_000;
    const dates = data.inspections.map((i) => shanghaiDate(i.startedAt)).sort();
    expect(daysBetween(dates[0], AS_OF)).toBeLessThanOrEqual(729);
    expect(daysBetween(dates[0], AS_OF)).toBeGreaterThan(650);
    expect(daysBetween(dates[dates.length - 1], AS_OF)).toBeLessThan(30);
    const instants = [
      ...data.inspections.flatMap((i) => [i.finishedAt, i.codedAt]),
      ...data.cases.flatMap((c) => [c.filedAt, c.decidedAt, c.closedAt, c.revokedAt, ...c.causeChanges.map((x) => x.at)]),
      ...data.ratings.map((r) => r.ratedAt),
    ];
    for (const t of instants) if (t !== null) expect(t.getTime()).toBeLessThan(end);
  });

  it('has a plausible mix of registers and activity', () => {
    expect(data.agencies.map((a) => a.kind)).toEqual(['market', 'fire', 'ecology', 'safety', 'health', 'transport']);
    expect(data.agencies[0]).toEqual({ id: 'A001', name: '开封市市场监督管理局', kind: 'market', region: '410200' });
    for (const a of data.agencies) expect(a.region.startsWith('4102')).toBe(true);
    for (const e of data.enterprises) expect(e.region.startsWith('4102')).toBe(true);
    const perAgency = new Map<string, number>();
    for (const o of data.officers) perAgency.set(o.agencyId, (perAgency.get(o.agencyId) ?? 0) + 1);
    expect([...perAgency.values()].some((n) => n >= 8)).toBe(true);
    expect([...perAgency.values()].some((n) => n < 8)).toBe(true);
    const grades = new Map<string, number>();
    for (const e of data.enterprises) grades.set(e.creditGrade, (grades.get(e.creditGrade) ?? 0) + 1);
    expect((grades.get('A') ?? 0) + (grades.get('B') ?? 0)).toBeGreaterThan(data.enterprises.length * 0.6);
    expect(grades.get('D')).toBeGreaterThan(0);
    expect(data.enterprises.some((e) => e.lowTouch)).toBe(true);
    expect(data.items.some((i) => i.noDisturb)).toBe(true);
    const triggers = new Set(data.inspections.map((i) => i.trigger));
    for (const t of ['planned', 'complaint', 'superior', 'undercover', 'emergency', 'other']) expect(triggers.has(t as never)).toBe(true);
    expect(data.inspections.filter((i) => i.trigger === 'planned').length).toBeGreaterThan(data.inspections.length * 0.6);
    expect(data.inspections.filter((i) => i.result === 'pass').length).toBeGreaterThan(data.inspections.length * 0.6);
    expect(new Set(data.cases.map((c) => c.status))).toEqual(new Set(['filed', 'decided', 'closed', 'revoked']));
    expect(data.ratings.filter((r) => r.verdict === 'approve').length).toBeGreaterThan(data.ratings.length * 0.8);
  });

  it('plants findings for every anomaly rule', () => {
    const found = anomalies(data, AS_OF);
    const rules = [
      'uncoded-inspection', 'repeated-inspection', 'unmerged-inspections', 'frequency-high', 'high-risk-uninspected',
      'low-touch-violated', 'case-overtime', 'case-cause-changed', 'case-revoked', 'same-case-different-penalty',
      'officer-workload-outlier', 'officer-overlap', 'low-satisfaction',
      'single-officer', 'expired-certificate', 'short-visit', 'off-hours-inspection', 'out-of-jurisdiction',
      'repeat-offence-lighter', 'fine-surge',
    ];
    expect(rules.filter((rule) => !found.get(rule)?.size)).toEqual([]);
    // A sprinkling, not noise.
    const inWindow = data.inspections.filter((i) => daysBetween(shanghaiDate(i.startedAt), AS_OF) <= 364).length;
    for (const rule of [
      'repeated-inspection', 'unmerged-inspections', 'officer-overlap', 'low-touch-violated', 'frequency-high',
      'single-officer', 'expired-certificate', 'short-visit', 'off-hours-inspection',
    ]) {
      expect([rule, found.get(rule)!.size < inWindow * 0.03]).toEqual([rule, true]);
    }
    expect(found.get('officer-workload-outlier')).toEqual(new Set([counts.planted.overloadedOfficer]));
    expect(found.get('low-satisfaction')).toEqual(new Set([counts.planted.lowSatisfactionAgency]));
    expect(Object.keys(counts.planted.scenarios)).toEqual(PLANT_SCENARIOS.slice(1));
  });

  it('plants the findings of rule set v2 it reports, and only those where nothing else makes them', () => {
    const found = anomalies(data, AS_OF);
    const { planted } = counts;
    expect(found.get('short-visit')!.size).toBe(planted.shortVisits);
    expect(found.get('off-hours-inspection')!.size).toBe(planted.offHoursInspections);
    expect(found.get('out-of-jurisdiction')!.size).toBe(planted.outOfJurisdictionCases);
    expect(found.get('fine-surge')).toEqual(new Set([planted.fineSurgeAgency]));
    // Repeat offences may also be punished more lightly by chance.
    expect(planted.lighterRepeatCases).toBeGreaterThan(0);
    expect(found.get('repeat-offence-lighter')!.size).toBeGreaterThanOrEqual(planted.lighterRepeatCases);
    for (const n of [planted.shortVisits, planted.offHoursInspections, planted.outOfJurisdictionCases]) expect(n).toBeGreaterThan(0);

    // Expired certificates: exactly the planted officers, each on some inspection after the date; the
    // other officers' certificates run on past asOf or carry no date, and the demo logins' are valid.
    const expired = data.officers.filter((o) => o.certExpires !== null && o.certExpires < AS_OF).map((o) => o.id);
    expect(expired).toEqual(planted.expiredCertificateOfficers);
    expect(expired.length).toBeGreaterThanOrEqual(2);
    const inspections = new Map(data.inspections.map((i) => [i.id, i]));
    const onFindings = new Set([...found.get('expired-certificate')!].flatMap((id) => inspections.get(id)!.officerIds));
    expect(expired.filter((o) => !onFindings.has(o))).toEqual([]);
    const dated = data.officers.filter((o) => o.certExpires !== null);
    expect(dated.length).toBeGreaterThan(data.officers.length * 0.8);
    expect(dated.length).toBeLessThan(data.officers.length);
    for (const login of DEMO_LOGINS) {
      const officer = data.officers.find((o) => o.id === login.officerId);
      if (officer?.certExpires) expect(daysBetween(AS_OF, officer.certExpires)).toBeGreaterThan(90);
    }
  });
});

describe('DEMO_LOGINS', () => {
  it('names accounts whose agency and officers exist in every generated city', async () => {
    const dir = tempDir();
    await generateDemoCity(dir, { ...DEMO_CITY_SIZES.tiny, seed: 12345, asOf: '2026-03-01' });
    const officers = new Map(
      readFileSync(join(dir, 'officers.jsonl'), 'utf8').trim().split('\n').map((l) => {
        const o = JSON.parse(l) as { id: string; agencyId: string; name: string };
        return [o.id, o];
      }),
    );
    const agencies = new Set(readFileSync(join(dir, 'agencies.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id as string));
    expect(DEMO_LOGINS.map((l) => [l.username, l.role])).toEqual([
      ['supervisor', 'supervisor'],
      ['discipline', 'discipline'],
      ['admin1', 'agency-admin'],
      ['officer1', 'officer'],
      ['officer2', 'officer'],
      ['admin2', 'agency-admin'],
      ['officer3', 'officer'],
    ]);
    for (const login of DEMO_LOGINS) {
      expect(login.password).toBe('demo1234');
      expect(ROLES).toContain(login.role);
      if (login.agencyId) expect(agencies.has(login.agencyId)).toBe(true);
      if (login.officerId) {
        expect(officers.get(login.officerId)?.agencyId).toBe(login.agencyId);
        expect(officers.get(login.officerId)?.name).toBe(login.displayName);
      }
    }
  });
});

describe('options', () => {
  it('rejects impossible options', async () => {
    const dir = tempDir();
    await expect(generateDemoCity(dir, { asOf: '2026-02-30' })).rejects.toThrow(/asOf/);
    await expect(generateDemoCity(dir, { agencies: 10_000 })).rejects.toThrow(/agencies/);
    await expect(generateDemoCity(dir, { inspections: -1 })).rejects.toThrow(/inspections/);
    await expect(generateDemoCity(dir, { casesRatio: 2 })).rejects.toThrow(/casesRatio/);
  });

  it('honours the ratios and works without inspections', async () => {
    const dir = tempDir();
    const counts = await generateDemoCity(dir, { ...DEMO_CITY_SIZES.tiny, casesRatio: 0, ratingsRatio: 0, asOf: AS_OF });
    expect(counts.ratings).toBe(0);
    // Only the occasional case without an inspection remains.
    expect(readFileSync(join(dir, 'cases.jsonl'), 'utf8').split('\n').filter((l) => l.includes('"inspectionId"'))).toHaveLength(0);
    const empty = await generateDemoCity(tempDir(), { agencies: 3, officersPerAgency: 4, enterprises: 10, inspections: 0, asOf: AS_OF });
    expect(empty.inspections).toBe(0);
  });

  it('writes exactly the inspections asked for, even when crowded', async () => {
    const dir = tempDir();
    const counts = await generateDemoCity(dir, { agencies: 2, officersPerAgency: 2, enterprises: 5, inspections: 50, seed: 1, asOf: '2024-02-29' });
    expect(counts.inspections).toBe(50);
    expect(load(dir).inspections).toHaveLength(50);
  });

  it('offers presets up to 10 million inspections and scales to any count', () => {
    expect(DEMO_CITY_SIZES.city).toEqual({ agencies: 36, officersPerAgency: 12, enterprises: 3000, inspections: 20000 });
    expect(Object.keys(DEMO_CITY_SIZES)).toEqual(['tiny', 'city', 'million', 'province']);
    expect(DEMO_CITY_SIZES.million.inspections).toBe(1_000_000);
    expect(DEMO_CITY_SIZES.province.inspections).toBe(10_000_000);
    const size = demoCitySize(2_000_000);
    expect(size.inspections).toBe(2_000_000);
    expect(size.agencies).toBeLessThanOrEqual(624);
    expect(size.enterprises).toBeGreaterThan(100_000);
  });
});

// ---------------------------------------------------------------------------------------------
// A plain reference reading of anomaly-rules.md (rule set v1), enough to see that the planted
// anomalies are found. The production implementation lives in the analytics module.
// ---------------------------------------------------------------------------------------------

function anomalies(data: Dataset, asOf: string): Map<string, Set<string>> {
  const DAY = 86_400_000;
  const end = Date.parse(`${asOf}T00:00:00+08:00`) + DAY;
  const inWindow = (t: Date) => t.getTime() < end && daysBetween(shanghaiDate(t), asOf) <= 364;
  const out = new Map<string, Set<string>>();
  const add = (rule: string, id: string) => out.set(rule, (out.get(rule) ?? new Set()).add(id));
  const enterprises = new Map(data.enterprises.map((e) => [e.creditCode, e]));
  const items = new Map(data.items.map((i) => [i.id, i]));
  const live = data.inspections.filter((i) => i.startedAt.getTime() < end);
  const before = (a: InspectionRecord, b: InspectionRecord) =>
    a.startedAt.getTime() !== b.startedAt.getTime() ? a.startedAt < b.startedAt : a.id < b.id;

  for (const i of live) {
    if (!inWindow(i.startedAt) || i.coded) continue;
    const deadline = i.startedAt.getTime() + DAY;
    if (i.trigger !== 'emergency' || (deadline < end && (i.codedAt === null || i.codedAt.getTime() > deadline))) {
      add('uncoded-inspection', i.id);
    }
  }
  const byEnterprise = new Map<string, InspectionRecord[]>();
  for (const i of live) byEnterprise.set(i.creditCode, [...(byEnterprise.get(i.creditCode) ?? []), i]);
  for (const list of byEnterprise.values()) {
    for (const i of list) {
      if (!inWindow(i.startedAt)) continue;
      for (const j of list) {
        if (j === i || !before(j, i)) continue;
        const gap = daysBetween(shanghaiDate(j.startedAt), shanghaiDate(i.startedAt));
        if (i.trigger === 'planned' && j.agencyId === i.agencyId && gap <= 30) add('repeated-inspection', i.id);
        if (
          j.agencyId !== i.agencyId && gap <= 7 && i.trigger !== 'emergency' && j.trigger !== 'emergency' &&
          !(i.jointId !== null && i.jointId === j.jointId)
        ) {
          add('unmerged-inspections', i.id);
        }
      }
    }
  }
  const cap: Record<string, number> = { A: 1, B: 2, C: 4, D: Infinity };
  const planned = new Map<string, number>();
  for (const i of live) {
    if (inWindow(i.startedAt) && i.trigger === 'planned') {
      const key = `${i.creditCode}:${i.agencyId}`;
      planned.set(key, (planned.get(key) ?? 0) + 1);
    }
  }
  for (const [key, n] of planned) if (n > cap[enterprises.get(key.split(':')[0])!.creditGrade]) add('frequency-high', key);
  const inspected = new Set(live.filter((i) => inWindow(i.startedAt)).map((i) => i.creditCode));
  for (const e of data.enterprises) if (e.creditGrade === 'D' && !inspected.has(e.creditCode)) add('high-risk-uninspected', e.creditCode);
  for (const i of live) {
    if (inWindow(i.startedAt) && i.trigger === 'planned' && (enterprises.get(i.creditCode)!.lowTouch || i.itemIds.some((x) => items.get(x)!.noDisturb))) {
      add('low-touch-violated', i.id);
    }
  }

  const decided: CaseRecord[] = [];
  for (const c of data.cases) {
    if (c.filedAt.getTime() >= end) continue;
    const decidedAt = c.decidedAt !== null && c.decidedAt.getTime() < end ? c.decidedAt : null;
    const revoked = c.status === 'revoked' && c.revokedAt !== null && c.revokedAt.getTime() < end;
    const limit = 90 + c.extendedDays;
    if (!revoked) {
      if (decidedAt === null && daysBetween(shanghaiDate(c.filedAt), asOf) > limit) add('case-overtime', c.id);
      if (decidedAt !== null && inWindow(decidedAt) && daysBetween(shanghaiDate(c.filedAt), shanghaiDate(decidedAt)) > limit) {
        add('case-overtime', c.id);
      }
      if (decidedAt !== null && inWindow(decidedAt)) decided.push(c);
    }
    if (c.causeChanges.some((x) => x.from !== x.to && inWindow(x.at))) add('case-cause-changed', c.id);
    if (revoked && inWindow(c.revokedAt!)) add('case-revoked', c.id);
  }
  const groups = new Map<string, CaseRecord[]>();
  for (const c of decided) groups.set(`${c.cause}|${c.discretionLevel}`, [...(groups.get(`${c.cause}|${c.discretionLevel}`) ?? []), c]);
  for (const group of groups.values()) {
    if (group.length < 5) continue;
    const fines = group.map((c) => c.fine).sort((a, b) => a - b);
    const n = fines.length;
    const median = n % 2 === 1 ? fines[(n - 1) / 2] : (fines[n / 2 - 1] + fines[n / 2]) / 2;
    for (const c of group) if (Math.abs(c.fine - median) > 0.5 * median) add('same-case-different-penalty', c.id);
  }

  const counts = new Map<string, number>();
  for (const i of live) if (inWindow(i.startedAt)) for (const o of i.officerIds) counts.set(o, (counts.get(o) ?? 0) + 1);
  const byAgency = new Map<string, string[]>();
  for (const o of data.officers) byAgency.set(o.agencyId, [...(byAgency.get(o.agencyId) ?? []), o.id]);
  const quantile = (sorted: number[], q: number) => {
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    return sorted[lo] + (sorted[Math.ceil(pos)] - sorted[lo]) * (pos - lo);
  };
  for (const officers of byAgency.values()) {
    if (officers.length < 8) continue;
    const sorted = officers.map((o) => counts.get(o) ?? 0).sort((a, b) => a - b);
    const q1 = quantile(sorted, 0.25);
    const q3 = quantile(sorted, 0.75);
    for (const o of officers) if ((counts.get(o) ?? 0) > q3 + 3 * (q3 - q1)) add('officer-workload-outlier', o);
  }
  const byOfficer = new Map<string, InspectionRecord[]>();
  for (const i of live) for (const o of i.officerIds) byOfficer.set(o, [...(byOfficer.get(o) ?? []), i]);
  for (const list of byOfficer.values()) {
    list.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length && list[y].startedAt < list[x].finishedAt; y++) {
        if (list[x].creditCode === list[y].creditCode) continue;
        if (inWindow(list[x].startedAt)) add('officer-overlap', list[x].id);
        if (inWindow(list[y].startedAt)) add('officer-overlap', list[y].id);
      }
    }
  }
  const ratings = new Map<string, [number, number]>();
  for (const r of data.ratings) {
    if (!inWindow(r.ratedAt)) continue;
    const [n, bad] = ratings.get(r.agencyId) ?? [0, 0];
    ratings.set(r.agencyId, [n + 1, bad + (r.verdict === 'disapprove' ? 1 : 0)]);
  }
  for (const [agency, [n, bad]] of ratings) if (n >= 10 && bad / n > 0.2) add('low-satisfaction', agency);
  for (const [rule, ids] of anomaliesV2(data, asOf)) out.set(rule, ids);
  return out;
}

// The seven rules rule set v2 adds, read from the same spec.
function anomaliesV2(data: Dataset, asOf: string): Map<string, Set<string>> {
  const DAY = 86_400_000;
  const end = Date.parse(`${asOf}T00:00:00+08:00`) + DAY;
  const dateIn = (date: string, from: number, to: number) => {
    const back = daysBetween(date, asOf);
    return back >= to && back <= from;
  };
  const inWindow = (t: Date) => t.getTime() < end && dateIn(shanghaiDate(t), 364, 0);
  const out = new Map<string, Set<string>>();
  const add = (rule: string, id: string) => out.set(rule, (out.get(rule) ?? new Set()).add(id));
  const certExpires = new Map(data.officers.map((o) => [o.id, o.certExpires]));
  for (const i of data.inspections) {
    if (!inWindow(i.startedAt)) continue;
    const startDate = shanghaiDate(i.startedAt);
    const localHour = Number(new Date(i.startedAt.getTime() + 8 * 3_600_000).toISOString().slice(11, 13));
    if (i.trigger !== 'emergency' && new Set(i.officerIds).size < 2) add('single-officer', i.id);
    if (i.officerIds.some((o) => { const last = certExpires.get(o); return last != null && last < startDate; })) add('expired-certificate', i.id);
    if (i.trigger !== 'emergency' && i.finishedAt.getTime() - i.startedAt.getTime() < 10 * 60_000) add('short-visit', i.id);
    if (['planned', 'superior', 'other'].includes(i.trigger) && (localHour < 7 || localHour >= 21)) add('off-hours-inspection', i.id);
  }

  // Cases decided as of D, with their cause as of D.
  const decided = data.cases
    .filter((c) => c.decidedAt !== null && c.decidedAt.getTime() < end && !(c.revokedAt !== null && c.revokedAt.getTime() < end))
    .map((c) => {
      const later = c.causeChanges.filter((x) => x.at.getTime() >= end);
      const first = later.reduce<(typeof later)[number] | null>((a, x) => (a === null || x.at < a.at ? x : a), null);
      return { ...c, decidedAt: c.decidedAt!, causeAsOf: first === null ? c.cause : first.from, decidedDate: shanghaiDate(c.decidedAt!) };
    });
  const agencyRegion = new Map(data.agencies.map((a) => [a.id, a.region]));
  const enterpriseRegion = new Map(data.enterprises.map((e) => [e.creditCode, e.region]));
  for (const c of decided) {
    if (!inWindow(c.decidedAt)) continue;
    const agency = agencyRegion.get(c.agencyId)!;
    const region = enterpriseRegion.get(c.creditCode)!;
    const covered = agency.endsWith('0000') ? region.slice(0, 2) === agency.slice(0, 2)
      : agency.endsWith('00') ? region.slice(0, 4) === agency.slice(0, 4)
      : region === agency;
    if (!covered) add('out-of-jurisdiction', c.id);
  }
  const level = (c: CaseRecord) => ['light', 'general', 'severe'].indexOf(c.discretionLevel);
  for (const c of decided) {
    if (!inWindow(c.decidedAt)) continue;
    const heavierBefore = decided.some((p) =>
      p.creditCode === c.creditCode && p.causeAsOf === c.causeAsOf && p.id !== c.id &&
      (p.decidedAt < c.decidedAt || (p.decidedAt.getTime() === c.decidedAt.getTime() && p.id < c.id)) &&
      daysBetween(p.decidedDate, c.decidedDate) <= 365 && level(c) < level(p));
    if (heavierBefore) add('repeat-offence-lighter', c.id);
  }
  const surge = new Map<string, { recent: number; recentFines: number; earlierFines: number }>();
  for (const c of decided) {
    const t = surge.get(c.agencyId) ?? { recent: 0, recentFines: 0, earlierFines: 0 };
    surge.set(c.agencyId, t);
    if (dateIn(c.decidedDate, 89, 0)) {
      t.recent++;
      t.recentFines += c.fine;
    }
    if (dateIn(c.decidedDate, 454, 365)) t.earlierFines += c.fine;
  }
  for (const [agency, t] of surge) if (t.recent >= 10 && t.earlierFines > 0 && t.recentFines > 2 * t.earlierFines) add('fine-surge', agency);
  return out;
}
