/**
 * The seven rules of rule set v2 (anomaly-rules.md) on small hand-built datasets at their boundaries,
 * in a real MariaDB: local times written in `Z` and in `+08:00`, natural days in Asia/Shanghai, the
 * window's edges, regions, and "as of D".
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { expiredCertificate } from '../src/modules/analytics/rules/expired-certificate.js';
import { fineSurge } from '../src/modules/analytics/rules/fine-surge.js';
import { offHoursInspection } from '../src/modules/analytics/rules/off-hours-inspection.js';
import { coversRegion, outOfJurisdiction } from '../src/modules/analytics/rules/out-of-jurisdiction.js';
import { repeatOffenceLighter } from '../src/modules/analytics/rules/repeat-offence-lighter.js';
import { sameCaseDifferentPenalty } from '../src/modules/analytics/rules/same-case-different-penalty.js';
import { shortVisit } from '../src/modules/analytics/rules/short-visit.js';
import { singleOfficer } from '../src/modules/analytics/rules/single-officer.js';
import { D, reportFixtures } from './support/report-fixtures.js';
import { migratedDataSource } from './support/test-app.js';

let ds: DataSource;
const { enterprise, officers, inspection, kase, run, subjects, reset } = reportFixtures(() => ds);

beforeAll(async () => {
  ds = await migratedDataSource('analytics_rules_v2');
});
afterAll(async () => {
  await ds?.destroy();
});
beforeEach(() => reset());

describe('single-officer', () => {
  it('finds non-emergency inspections in the window listing fewer than two officers', async () => {
    const e = await enterprise(1);
    await inspection({ id: 'S1', credit: e, start: '2026-11-10T10:00:00+08:00', officers: ['O1'] });
    await inspection({ id: 'S2', credit: e, start: '2026-11-11T10:00:00+08:00', officers: ['O1', 'O2'] });
    await inspection({ id: 'S3', credit: e, trigger: 'emergency', start: '2026-11-12T10:00:00+08:00', officers: ['O1'] });
    await inspection({ id: 'S4', credit: e, trigger: 'complaint', start: '2026-11-13T10:00:00+08:00', officers: ['O2'] });
    // Window edges: D−365 out; after D not yet.
    await inspection({ id: 'S5', credit: e, start: '2025-11-20T23:00:00+08:00', officers: ['O1'] });
    await inspection({ id: 'S6', credit: e, start: '2026-11-21T00:00:00+08:00', officers: ['O1'] });
    expect(await subjects(singleOfficer)).toEqual(['S1', 'S4']);
    expect((await run(singleOfficer))[0]).toMatchObject({ evidence: { officers: 1, trigger: 'planned' }, agencyId: 'A1', inspectionId: 'S1' });
  });
});

describe('short-visit', () => {
  it('finds visits under ten minutes: 9 min 59 s is one, 10 min is not; emergencies left out', async () => {
    const e = await enterprise(1);
    await inspection({ id: 'V1', credit: e, start: '2026-11-10T10:00:00+08:00', finish: '2026-11-10T02:09:59Z', officers: ['O1', 'O2'] });
    await inspection({ id: 'V2', credit: e, start: '2026-11-11T10:00:00+08:00', finish: '2026-11-11T10:10:00+08:00', officers: ['O1', 'O2'] });
    await inspection({ id: 'V3', credit: e, trigger: 'emergency', start: '2026-11-12T10:00:00+08:00', finish: '2026-11-12T10:01:00+08:00', officers: ['O1', 'O2'] });
    await inspection({ id: 'V4', credit: e, trigger: 'undercover', start: '2026-11-13T10:00:00+08:00', finish: '2026-11-13T10:00:00.500+08:00', officers: ['O1', 'O2'] });
    expect(await subjects(shortVisit)).toEqual(['V1', 'V4']);
    expect((await run(shortVisit)).find((f) => f.subjectId === 'V1')!.evidence).toEqual({ startedAt: '2026-11-10T10:00:00+08:00', finishedAt: '2026-11-10T10:09:59+08:00', seconds: 599 });
  });
});

describe('off-hours-inspection', () => {
  it('finds planned, superior and other inspections started before 07:00 or at 21:00 or later, local time, however written', async () => {
    const e = await enterprise(1);
    const at = (id: string, start: string, trigger = 'planned') => inspection({ id, credit: e, trigger, start, officers: ['O1', 'O2'] });
    await at('H1', '2026-11-10T06:59:00+08:00');
    await at('H2', '2026-11-09T22:59:00Z'); // 06:59 on the 10th in Shanghai
    await at('H3', '2026-11-10T07:00:00+08:00');
    await at('H4', '2026-11-09T23:00:00Z'); // 07:00
    await at('H5', '2026-11-10T20:59:00+08:00');
    await at('H6', '2026-11-10T12:59:00Z'); // 20:59
    await at('H7', '2026-11-10T21:00:00+08:00', 'superior');
    await at('H8', '2026-11-10T13:00:00Z', 'other'); // 21:00
    await at('H9', '2026-11-10T23:30:00+08:00', 'complaint');
    await at('H10', '2026-11-10T05:00:00+08:00', 'emergency');
    await at('H11', '2026-11-10T05:00:00+08:00', 'undercover');
    expect(await subjects(offHoursInspection)).toEqual(['H1', 'H2', 'H7', 'H8']);
    expect((await run(offHoursInspection)).find((f) => f.subjectId === 'H2')!.evidence).toEqual({ trigger: 'planned', startedAt: '2026-11-10T06:59:00+08:00' });
  });
});

describe('expired-certificate', () => {
  it('finds an inspection started after an officer\'s last valid day, across midnight in Shanghai', async () => {
    const e = await enterprise(1);
    await officers('A1', ['O1'], '2026-11-10');
    await officers('A1', ['O2']);
    await officers('A1', ['O3'], '2027-01-31');
    // The last valid day: in time until 23:59:59.999 Shanghai (15:59:59.999Z).
    await inspection({ id: 'C1', credit: e, start: '2026-11-10T15:59:59.999Z', officers: ['O1', 'O2'] });
    await inspection({ id: 'C2', credit: e, start: '2026-11-10T16:00:00Z', officers: ['O2', 'O1'] });
    await inspection({ id: 'C3', credit: e, start: '2026-11-12T09:00:00+08:00', officers: ['O2', 'O3'] });
    // Before the window: not this report's.
    await inspection({ id: 'C4', credit: e, start: '2025-11-01T09:00:00+08:00', officers: ['O1'] });
    await officers('A1', ['O4'], '2024-01-01');
    await inspection({ id: 'C5', credit: e, start: '2026-11-15T09:00:00+08:00', officers: ['O1', 'O4'] });
    const found = await run(expiredCertificate);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['C2', 'C5']);
    expect(found.find((f) => f.subjectId === 'C2')).toMatchObject({ officerId: 'O1', evidence: { officerId: 'O1', certExpires: '2026-11-10', startedAt: '2026-11-11T00:00:00+08:00' } });
  });
});

describe('out-of-jurisdiction', () => {
  it('knows a county, a prefecture and a province', () => {
    expect(coversRegion('410202', '410202')).toBe(true);
    expect(coversRegion('410202', '410203')).toBe(false);
    expect(coversRegion('410200', '410203')).toBe(true);
    expect(coversRegion('410200', '410302')).toBe(false);
    expect(coversRegion('410000', '410302')).toBe(true);
    expect(coversRegion('410000', '420102')).toBe(false);
  });

  it('finds cases decided in the window against an enterprise outside the agency\'s region', async () => {
    await ds.query("INSERT INTO agencies (id, name, kind, region) VALUES ('P1', '开封市市场监管局', 'market', '410200'), ('R1', '省市场监管局', 'market', '410000')");
    const county = await enterprise(1, 'B', false, '410202');
    const neighbour = await enterprise(2, 'B', false, '410203');
    const otherCity = await enterprise(3, 'B', false, '410302');
    const otherProvince = await enterprise(4, 'B', false, '420102');
    const decided = { filed: '2026-09-01T10:00:00+08:00', decided: '2026-10-01T10:00:00+08:00' };
    await kase({ id: 'J1', credit: county, agency: 'A1', ...decided });
    await kase({ id: 'J2', credit: neighbour, agency: 'A1', ...decided });
    await kase({ id: 'J3', credit: neighbour, agency: 'P1', ...decided });
    await kase({ id: 'J4', credit: otherCity, agency: 'P1', ...decided });
    await kase({ id: 'J5', credit: otherCity, agency: 'R1', ...decided });
    await kase({ id: 'J6', credit: otherProvince, agency: 'R1', ...decided });
    // Not decided as of D: undecided, decided after D, revoked by D. Decided before the window: not this report's.
    await kase({ id: 'J7', credit: otherProvince, agency: 'A1', filed: '2026-09-01T10:00:00+08:00' });
    await kase({ id: 'J8', credit: otherProvince, agency: 'A1', filed: '2026-09-01T10:00:00+08:00', decided: '2026-11-21T00:00:00+08:00' });
    await kase({ id: 'J9', credit: otherProvince, agency: 'A1', filed: '2026-09-01T10:00:00+08:00', decided: '2026-10-01T10:00:00+08:00', revoked: '2026-11-01T10:00:00+08:00' });
    await kase({ id: 'J10', credit: otherProvince, agency: 'A1', filed: '2025-09-01T10:00:00+08:00', decided: '2025-10-01T10:00:00+08:00' });
    // Revoked after D: still decided as of D.
    await kase({ id: 'J11', credit: otherProvince, agency: 'A1', filed: '2026-09-01T10:00:00+08:00', decided: '2026-10-01T10:00:00+08:00', revoked: '2026-11-25T10:00:00+08:00' });
    const found = await run(outOfJurisdiction);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['J11', 'J2', 'J4', 'J6']);
    expect(found.find((f) => f.subjectId === 'J4')!.evidence).toMatchObject({ agencyRegion: '410200', enterpriseRegion: '410302' });
  });
});

describe('repeat-offence-lighter', () => {
  const decided = (id: string, credit: string, when: string, level: string, extra: Record<string, unknown> = {}) =>
    kase({ id, credit, level, filed: when, decided: when, ...extra });

  it('finds a later case of the same enterprise and cause decided more lightly within 365 natural days (366: not), any agency', async () => {
    const e = await enterprise(1);
    const f = await enterprise(2);
    await decided('R1', e, '2025-11-01T10:00:00+08:00', 'severe');
    // 365 natural days after R1 (2026-11-01): a repeat; lighter.
    await decided('R2', e, '2026-11-01T23:59:00+08:00', 'general', { agency: 'A2' });
    await decided('R3', f, '2025-10-31T10:00:00+08:00', 'severe');
    // 366 natural days after R3: not a repeat.
    await decided('R4', f, '2026-11-01T00:30:00+08:00', 'light');
    expect(await subjects(repeatOffenceLighter)).toEqual(['R2']);
    expect((await run(repeatOffenceLighter))[0].evidence).toMatchObject({ earlierCase: 'R1', earlierLevel: 'severe', level: 'general', daysApart: 365, cause: 'FSL-126' });
  });

  it('orders decisions at the same instant by id, and finds lighter, not equal or heavier', async () => {
    const e = await enterprise(1);
    const same = '2026-06-01T10:00:00+08:00';
    await decided('Q1', e, same, 'general');
    await decided('Q2', e, same, 'light');
    await decided('Q3', e, '2026-07-01T10:00:00+08:00', 'light');
    await decided('Q4', e, '2026-08-01T10:00:00+08:00', 'severe');
    // Another cause is another offence.
    await decided('Q5', e, '2026-09-01T10:00:00+08:00', 'light', { cause: 'FPL-60' });
    expect(await subjects(repeatOffenceLighter)).toEqual(['Q2', 'Q3']);
  });

  it('compares causes as of D, and keeps cases not decided as of D out', async () => {
    const e = await enterprise(1);
    // Its cause became FPL-60 only after D: as of D it was FSL-126, like R1.
    await decided('K1', e, '2026-05-01T10:00:00+08:00', 'severe');
    await decided('K2', e, '2026-06-01T10:00:00+08:00', 'light', { cause: 'FPL-60', changes: [{ from: 'FSL-126', to: 'FPL-60', at: '2026-11-25T10:00:00+08:00' }] });
    // Revoked by D: neither a repeat nor an earlier offence.
    await decided('K3', e, '2026-04-01T10:00:00+08:00', 'severe', { cause: 'FPL-99', revoked: '2026-05-01T10:00:00+08:00' });
    await decided('K4', e, '2026-07-01T10:00:00+08:00', 'light', { cause: 'FPL-99' });
    expect(await subjects(repeatOffenceLighter)).toEqual(['K2']);
  });
});

describe('fine-surge', () => {
  /** `count` cases of `fine` fen each, decided by A1 on `day` (+08:00 noon). */
  const cases = async (prefix: string, count: number, day: string, fine: number, agency = 'A1') => {
    const e = await enterprise(Number(prefix.charCodeAt(0)) * 1000 + count);
    for (let i = 0; i < count; i++) await kase({ id: `${prefix}${i}`, credit: e, agency, fine, filed: `${day}T12:00:00+08:00`, decided: `${day}T12:00:00+08:00` });
  };

  it('needs at least ten recent cases (D−89…D) fined more than twice the same period a year earlier (D−454…D−365)', async () => {
    // A1: ten recent cases, 10 × 30,001 > 2 × 150,000. A2: nine recent cases. A3: exactly twice.
    await cases('a', 10, '2026-08-23', 30_001);
    await cases('b', 1, '2025-11-20', 150_000);
    await cases('c', 9, '2026-11-20', 100_000, 'A2');
    await cases('d', 1, '2025-08-23', 10_000, 'A2');
    await cases('e', 10, '2026-10-01', 30_000, 'A3');
    await cases('f', 1, '2025-10-01', 150_000, 'A3');
    const found = await run(fineSurge);
    expect(found.map((f) => f.subjectId)).toEqual(['A1']);
    expect(found[0].evidence).toEqual({
      recentPeriod: ['2026-08-23', D], recentCases: 10, recentFines: 300_010,
      earlierPeriod: ['2025-08-23', '2025-11-20'], earlierFines: 150_000, ratio: 2,
    });
  });

  it('says nothing of an agency with no fines a year earlier, and counts neither period\'s edges wrong', async () => {
    await cases('a', 12, '2026-09-01', 50_000);
    // One day outside each period: D−90 and D−455 / D−364.
    await cases('g', 12, '2026-08-22', 50_000, 'A2');
    await cases('h', 12, '2026-09-01', 50_000, 'A3');
    await cases('i', 1, '2025-08-22', 1_000, 'A3');
    await cases('j', 1, '2025-11-21', 1_000, 'A3');
    expect(await run(fineSurge)).toEqual([]);
  });
});

describe('same-case-different-penalty, in the decided-cases pass', () => {
  it('still groups only the window\'s decisions though the pass reads a year further back', async () => {
    const e = await enterprise(1);
    for (let i = 0; i < 5; i++) await kase({ id: `N${i}`, credit: e, fine: 100_000, filed: '2026-06-01T10:00:00+08:00', decided: '2026-06-01T10:00:00+08:00' });
    await kase({ id: 'OUT', credit: e, fine: 900_000, filed: '2026-06-01T10:00:00+08:00', decided: '2026-06-02T10:00:00+08:00' });
    // Decided before the window: in the pass, not in any group.
    for (let i = 0; i < 5; i++) await kase({ id: `OLD${i}`, credit: e, fine: 900_000, filed: '2025-06-01T10:00:00+08:00', decided: '2025-06-01T10:00:00+08:00' });
    expect(await subjects(sameCaseDifferentPenalty)).toEqual(['OUT']);
  });
});
