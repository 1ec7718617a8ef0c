/**
 * Each rule of anomaly-rules.md (rule set v1) on small hand-built datasets at its boundaries, in a
 * real MariaDB: natural days in Asia/Shanghai for timestamps written with any offset, the window's
 * edges, and "as of D" (later records and events ignored).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { caseCauseChanged } from '../src/modules/analytics/rules/case-cause-changed.js';
import { caseOvertime } from '../src/modules/analytics/rules/case-overtime.js';
import { caseRevoked } from '../src/modules/analytics/rules/case-revoked.js';
import { frequencyHigh } from '../src/modules/analytics/rules/frequency-high.js';
import { highRiskUninspected } from '../src/modules/analytics/rules/high-risk-uninspected.js';
import { lowSatisfaction } from '../src/modules/analytics/rules/low-satisfaction.js';
import { lowTouchViolated } from '../src/modules/analytics/rules/low-touch-violated.js';
import { officerOverlap } from '../src/modules/analytics/rules/officer-overlap.js';
import { officerWorkloadOutlier } from '../src/modules/analytics/rules/officer-workload-outlier.js';
import { repeatedInspection } from '../src/modules/analytics/rules/repeated-inspection.js';
import { sameCaseDifferentPenalty } from '../src/modules/analytics/rules/same-case-different-penalty.js';
import { uncodedInspection } from '../src/modules/analytics/rules/uncoded-inspection.js';
import { unmergedInspections } from '../src/modules/analytics/rules/unmerged-inspections.js';
import { at, code, reportFixtures, type CaseSpec } from './support/report-fixtures.js';
import { migratedDataSource } from './support/test-app.js';

let ds: DataSource;
const { enterprise, officers, inspection, kase, run, subjects, reset } = reportFixtures(() => ds);

beforeAll(async () => {
  ds = await migratedDataSource('analytics_rules');
});
afterAll(async () => {
  await ds?.destroy();
});
beforeEach(() => reset());

describe('uncoded-inspection', () => {
  it('finds uncoded non-emergency inspections, and emergencies whose code came later than 24 h or not at all by D', async () => {
    const e = await enterprise(1);
    await inspection({ id: 'U1', credit: e, start: '2026-11-20T12:00:00+08:00', coded: false });
    await inspection({ id: 'U2', credit: e, start: '2026-11-20T13:00:00+08:00', coded: true });
    // Exactly 24 h late code: in time. 24 h + 1 min: late.
    await inspection({ id: 'U3', credit: e, trigger: 'emergency', start: '2026-11-10T10:00:00+08:00', coded: false, codedAt: '2026-11-11T10:00:00+08:00' });
    await inspection({ id: 'U4', credit: e, trigger: 'emergency', start: '2026-11-10T10:00:00+08:00', coded: false, codedAt: '2026-11-11T02:01:00Z' });
    // No code; deadline 23:30 on D (written as 15:30Z the day before): on or before D.
    await inspection({ id: 'U5', credit: e, trigger: 'emergency', start: '2026-11-19T15:30:00Z', coded: false });
    // Deadline 00:30 the day after D: not yet due.
    await inspection({ id: 'U6', credit: e, trigger: 'emergency', start: '2026-11-20T00:30:00+08:00', coded: false });
    // Coded after D: as of D not coded at all.
    await inspection({ id: 'U7', credit: e, trigger: 'emergency', start: '2026-11-18T09:00:00+08:00', coded: false, codedAt: '2026-11-22T09:00:00+08:00' });
    // Window edges: D−365 out, D−364 in (00:30+08:00 written in UTC); after D out.
    await inspection({ id: 'U8', credit: e, start: '2025-11-20T23:30:00+08:00', coded: false });
    await inspection({ id: 'U9', credit: e, start: '2025-11-20T16:30:00Z', coded: false });
    await inspection({ id: 'U10', credit: e, start: '2026-11-20T16:00:00Z', coded: false });
    await inspection({ id: 'U11', credit: e, start: '2026-11-20T15:59:59Z', coded: false });
    const found = await run(uncodedInspection);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['U1', 'U11', 'U4', 'U5', 'U7', 'U9']);
    const u4 = found.find((f) => f.subjectId === 'U4')!;
    expect(u4).toMatchObject({ severity: 'medium', inspectionId: 'U4', agencyId: 'A1', creditCode: e });
    expect(u4.evidence).toEqual({ trigger: 'emergency', startedAt: '2026-11-10T10:00:00+08:00', deadline: '2026-11-11T10:00:00+08:00', codedAt: '2026-11-11T10:01:00+08:00' });
    expect(found.find((f) => f.subjectId === 'U7')!.evidence.codedAt).toBeNull();
    expect(found.find((f) => f.subjectId === 'U1')!.severity).toBe('high');
  });
});

describe('repeated-inspection', () => {
  it('counts 0–30 natural days in Shanghai between the same agency\'s inspections of one enterprise', async () => {
    const [e1, e2, e3, e4, e5, e6] = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => enterprise(n)));
    // 30 days: 10-20 23:30 and 11-19 23:30 (written 15:30Z).
    await inspection({ id: 'R01', credit: e1, start: '2026-10-20T23:30:00+08:00' });
    await inspection({ id: 'R02', credit: e1, start: '2026-11-19T15:30:00Z' });
    // 31 days: 10-20 00:00 (written 16:00Z the day before) and 11-20 23:59.
    await inspection({ id: 'R03', credit: e2, start: '2026-10-19T16:00:00Z' });
    await inspection({ id: 'R04', credit: e2, start: '2026-11-20T23:59:00+08:00' });
    // Same day: the earlier start, then the smaller id, comes first; the earlier may be of any trigger.
    await inspection({ id: 'R05', credit: e3, trigger: 'complaint', start: '2026-06-01T09:00:00+08:00' });
    await inspection({ id: 'R06', credit: e3, start: '2026-06-01T09:00:00+08:00' });
    await inspection({ id: 'R08', credit: e4, start: '2026-06-01T10:00:00+08:00' });
    await inspection({ id: 'R07', credit: e4, start: '2026-06-01T10:00:00+08:00' });
    // A different agency is not a repeat; a later non-planned one is not a subject.
    await inspection({ id: 'R09', credit: e5, start: '2026-05-01T10:00:00+08:00' });
    await inspection({ id: 'R10', credit: e5, agency: 'A2', start: '2026-05-05T10:00:00+08:00' });
    await inspection({ id: 'R11', credit: e5, trigger: 'complaint', start: '2026-05-06T10:00:00+08:00' });
    // The earlier one may lie before the window; the subject may not.
    await inspection({ id: 'R12', credit: e6, start: '2025-11-01T10:00:00+08:00' });
    await inspection({ id: 'R13', credit: e6, start: '2025-11-20T10:00:00+08:00' });
    await inspection({ id: 'R14', credit: e6, start: '2025-11-21T10:00:00+08:00' });
    // After D: does not exist yet.
    await inspection({ id: 'R15', credit: e1, start: '2026-11-21T08:00:00+08:00' });
    const found = await run(repeatedInspection);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['R02', 'R06', 'R08', 'R14']);
    expect(found.find((f) => f.subjectId === 'R02')!.evidence).toEqual({ previous: 'R01', daysApart: 30 });
    expect(found.find((f) => f.subjectId === 'R06')!.evidence).toEqual({ previous: 'R05', daysApart: 0 });
    expect(found.find((f) => f.subjectId === 'R08')!.evidence).toEqual({ previous: 'R07', daysApart: 0 });
    expect(found.find((f) => f.subjectId === 'R14')!.evidence).toEqual({ previous: 'R13', daysApart: 1 });
  });
});

describe('unmerged-inspections', () => {
  it('finds different agencies within 0–7 natural days, not joint, neither an emergency', async () => {
    const [f1, f2, f3, f4, f5, f6, f7, f8, f9] = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => enterprise(n)));
    await inspection({ id: 'M01', credit: f1, start: '2026-03-01T23:30:00+08:00' });
    await inspection({ id: 'M02', credit: f1, agency: 'A2', start: '2026-03-08T15:30:00Z' }); // 03-08 23:30: 7 days
    await inspection({ id: 'M03', credit: f2, start: '2026-04-01T23:30:00+08:00' });
    await inspection({ id: 'M04', credit: f2, agency: 'A2', start: '2026-04-08T16:10:00Z' }); // 04-09 00:10: 8 days
    await inspection({ id: 'M05', credit: f3, joint: 'J1', start: '2026-05-01T09:00:00+08:00' });
    await inspection({ id: 'M06', credit: f3, agency: 'A2', joint: 'J1', start: '2026-05-01T09:00:00+08:00' });
    await inspection({ id: 'M08', credit: f4, trigger: 'emergency', start: '2026-05-01T09:00:00+08:00' });
    await inspection({ id: 'M09', credit: f4, agency: 'A2', start: '2026-05-03T09:00:00+08:00' });
    await inspection({ id: 'M10', credit: f5, start: '2026-05-01T09:00:00+08:00' });
    await inspection({ id: 'M11', credit: f5, agency: 'A2', trigger: 'emergency', start: '2026-05-03T09:00:00+08:00' });
    await inspection({ id: 'M12', credit: f6, start: '2026-05-01T09:00:00+08:00' });
    await inspection({ id: 'M13', credit: f6, start: '2026-05-03T09:00:00+08:00' });
    // A joint inspection two days after a lone one by a third agency: both joint records are found.
    await inspection({ id: 'M14', credit: f7, agency: 'A3', start: '2026-06-01T09:00:00+08:00' });
    await inspection({ id: 'M15', credit: f7, joint: 'J2', start: '2026-06-03T09:00:00+08:00' });
    await inspection({ id: 'M16', credit: f7, agency: 'A2', joint: 'J2', start: '2026-06-03T09:00:00+08:00' });
    // Same day: the earlier start is the earlier one.
    await inspection({ id: 'M17', credit: f8, start: '2026-07-01T10:00:00+08:00' });
    await inspection({ id: 'M18', credit: f8, agency: 'A2', start: '2026-07-01T09:00:00+08:00' });
    // The earlier may be before the window; one after D does not exist.
    await inspection({ id: 'M19', credit: f9, agency: 'A2', start: '2025-11-18T09:00:00+08:00' });
    await inspection({ id: 'M20', credit: f9, start: '2025-11-21T09:00:00+08:00' });
    await inspection({ id: 'M21', credit: f9, agency: 'A3', start: '2026-11-20T09:00:00+08:00' });
    await inspection({ id: 'M22', credit: f9, agency: 'A2', start: '2026-11-21T09:00:00+08:00' });
    const found = await run(unmergedInspections);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['M02', 'M15', 'M16', 'M17', 'M20']);
    expect(found.find((f) => f.subjectId === 'M02')!.evidence).toEqual({ previous: 'M01', previousAgencyId: 'A1', daysApart: 7 });
    expect(found.find((f) => f.subjectId === 'M16')!.evidence).toEqual({ previous: 'M14', previousAgencyId: 'A3', daysApart: 2 });
    expect(found.find((f) => f.subjectId === 'M17')!.evidence).toEqual({ previous: 'M18', previousAgencyId: 'A2', daysApart: 0 });
  });
});

describe('frequency-high', () => {
  it('caps planned inspections per agency and enterprise in the window by grade: A 1, B 2, C 4, D none', async () => {
    const grades: [number, string, number][] = [[1, 'A', 1], [2, 'A', 2], [3, 'B', 2], [4, 'B', 3], [5, 'C', 4], [6, 'C', 5], [7, 'D', 9]];
    for (const [n, grade, planned] of grades) {
      const e = await enterprise(n, grade);
      for (let k = 0; k < planned; k++) await inspection({ id: `G${n}-${k}`, credit: e, start: `2026-0${k + 1}-10T10:00:00+08:00` });
    }
    // Other triggers, other agencies, and planned ones outside the window do not count.
    await inspection({ id: 'G1-x', credit: code(1), trigger: 'complaint', start: '2026-10-10T10:00:00+08:00' });
    await inspection({ id: 'G1-y', credit: code(1), agency: 'A2', start: '2026-10-11T10:00:00+08:00' });
    await inspection({ id: 'G3-x', credit: code(3), start: '2025-11-20T23:00:00+08:00' });
    await inspection({ id: 'G3-y', credit: code(3), start: '2026-11-21T09:00:00+08:00' });
    const found = await run(frequencyHigh);
    expect(found.map((f) => f.subjectId).sort()).toEqual([`${code(2)}:A1`, `${code(4)}:A1`, `${code(6)}:A1`]);
    expect(found.find((f) => f.subjectId === `${code(4)}:A1`)!.evidence).toEqual({ creditGrade: 'B', planned: 3, cap: 2, inspections: ['G4-0', 'G4-1', 'G4-2'] });
  });

  it('judges pairs over the smallest cap in batches whose grade look-ups overlap the pass, each pair once', async () => {
    // 1,300 enterprises with two planned inspections each (over A's cap of 1): several batches of look-ups.
    const n = 1300;
    const grade = (i: number) => (i % 3 === 0 ? 'A' : i % 3 === 1 ? 'B' : 'D');
    const codes = Array.from({ length: n }, (_, i) => code(1000 + i));
    await ds.query('INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, low_touch) VALUES ?', [
      codes.map((c, i) => [c, `企业${i}`, 'catering', '410202', grade(i), 0]),
    ]);
    await ds.query('INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES ?', [
      codes.flatMap((c, i) => [1, 2].map((k) => [`B${i}-${k}`, 'A1', c, 'planned', null, at(`2026-0${k + 2}-10T10:00:00+08:00`), at(`2026-0${k + 2}-10T11:00:00+08:00`), 1, null, 'pass'])),
    ]);
    const found = await run(frequencyHigh);
    const expected = codes.filter((_, i) => grade(i) === 'A').map((c) => `${c}:A1`);
    expect(found.map((f) => f.subjectId).sort()).toEqual(expected.sort());
    expect(new Set(found.map((f) => f.subjectId)).size).toBe(found.length);
  });
});

describe('high-risk-uninspected', () => {
  it('finds grade-D enterprises with no inspection from D−364 to D', async () => {
    const h1 = await enterprise(1, 'D');
    const h2 = await enterprise(2, 'D');
    const h3 = await enterprise(3, 'D');
    await enterprise(4, 'C');
    await enterprise(5, 'D');
    await inspection({ id: 'H1', credit: h1, trigger: 'complaint', start: '2025-11-20T16:00:00Z' }); // D−364 00:00
    await inspection({ id: 'H2', credit: h2, start: '2025-11-20T23:59:00+08:00' }); // D−365
    await inspection({ id: 'H3', credit: h3, start: '2026-11-21T00:00:00+08:00' }); // after D
    const found = await run(highRiskUninspected);
    expect(found.map((f) => f.subjectId).sort()).toEqual([h2, h3, code(5)]);
    expect(found.find((f) => f.subjectId === h2)).toMatchObject({ agencyId: null, evidence: { lastInspection: 'H2', lastInspectedAt: '2025-11-20T23:59:00+08:00' } });
    expect(found.find((f) => f.subjectId === h3)!.evidence.lastInspection).toBeNull();
  });
});

describe('low-touch-violated', () => {
  it('finds planned inspections of low-touch enterprises or of no-disturb items', async () => {
    const quiet = await enterprise(1, 'A', true);
    const normal = await enterprise(2);
    await ds.query("INSERT INTO items (id, agency_id, name, basis, no_disturb) VALUES ('I1', 'A1', '事项一', '依据', 0), ('I2', 'A1', '事项二', '依据', 1), ('I3', 'A1', '事项三', '依据', 1)");
    await inspection({ id: 'L1', credit: quiet, start: '2026-06-01T09:00:00+08:00', items: ['I1'] });
    await inspection({ id: 'L2', credit: quiet, trigger: 'complaint', start: '2026-06-02T09:00:00+08:00', items: ['I2'] });
    await inspection({ id: 'L3', credit: normal, start: '2026-06-03T09:00:00+08:00', items: ['I1', 'I2'] });
    await inspection({ id: 'L4', credit: normal, start: '2026-06-04T09:00:00+08:00', items: ['I1'] });
    await inspection({ id: 'L5', credit: quiet, start: '2025-11-20T09:00:00+08:00', items: ['I1'] });
    // No-disturb items: before the window (D−365), and two of them on one inspection (found once, naming both).
    await inspection({ id: 'L6', credit: normal, start: '2025-11-20T23:59:00+08:00', items: ['I2'] });
    await inspection({ id: 'L7', credit: normal, start: '2025-11-21T00:00:00+08:00', items: ['I3', 'I1', 'I2'] });
    // Checked off-site (非现场检查, accepted): nobody came to the premises. One still open counts as usual.
    await inspection({ id: 'L8', credit: quiet, start: '2026-06-05T09:00:00+08:00', items: ['I2'] });
    await inspection({ id: 'L9', credit: normal, start: '2026-06-05T09:00:00+08:00', items: ['I2'] });
    await ds.query("INSERT INTO offsite_requests (id, plan_id, agency_id, credit_code, status, round, token_hash, requested_at, requested_by) VALUES ('OR8', 'L8', 'A1', ?, 'accepted', 1, ?, NOW(3), 1), ('OR9', 'L9', 'A1', ?, 'accepted', 1, ?, NOW(3), 1)", [quiet, '8'.repeat(64), normal, '9'.repeat(64)]);
    const found = await run(lowTouchViolated);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['L1', 'L3', 'L7']);
    expect(found.find((f) => f.subjectId === 'L7')!.evidence).toEqual({ lowTouch: false, noDisturbItems: ['I3', 'I2'] });
    expect(found.find((f) => f.subjectId === 'L3')!.evidence).toEqual({ lowTouch: false, noDisturbItems: ['I2'] });
    expect(found.find((f) => f.subjectId === 'L1')!.evidence).toEqual({ lowTouch: true, noDisturbItems: [] });
  });
});

describe('case-overtime', () => {
  it('counts natural days from filing to the decision, or to D while undecided, against 90 + the extension', async () => {
    const e = await enterprise(1);
    await kase({ id: 'K01', credit: e, filed: '2026-08-21T16:30:00Z' }); // 08-22: 90 days to D
    await kase({ id: 'K02', credit: e, filed: '2026-08-20T16:30:00Z' }); // 08-21: 91 days
    await kase({ id: 'K03', credit: e, filed: '2026-08-21T09:00:00+08:00', extendedDays: 1 });
    await kase({ id: 'K04', credit: e, filed: '2026-07-01T09:00:00+08:00', decided: '2026-11-21T09:00:00+08:00' }); // decided after D
    await kase({ id: 'K05', credit: e, filed: '2026-03-01T23:30:00+08:00', decided: '2026-05-31T15:30:00Z' }); // 05-31 23:30: 91 days
    await kase({ id: 'K06', credit: e, filed: '2026-03-01T23:30:00+08:00', decided: '2026-05-30T23:30:00+08:00' }); // 90 days
    await kase({ id: 'K07', credit: e, filed: '2025-01-01T09:00:00+08:00', decided: '2025-11-01T09:00:00+08:00' }); // decided before the window
    await kase({ id: 'K08', credit: e, filed: '2026-03-01T09:00:00+08:00', revoked: '2026-11-01T09:00:00+08:00' });
    await kase({ id: 'K09', credit: e, filed: '2026-03-01T09:00:00+08:00', revoked: '2026-11-25T09:00:00+08:00' }); // revoked after D
    await kase({ id: 'K10', credit: e, filed: '2026-11-21T09:00:00+08:00' });
    await kase({ id: 'K11', credit: e, filed: '2025-06-01T09:00:00+08:00', decided: '2025-11-21T09:00:00+08:00' }); // decided D−364
    const found = await run(caseOvertime);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['K02', 'K04', 'K05', 'K09', 'K11']);
    expect(found.find((f) => f.subjectId === 'K02')!.evidence).toEqual({ filedAt: '2026-08-21T00:30:00+08:00', decidedAt: null, days: 91, limitDays: 90, extendedDays: 0 });
    expect(found.find((f) => f.subjectId === 'K05')!.evidence).toMatchObject({ days: 91, decidedAt: '2026-05-31T23:30:00+08:00' });
    expect(found.find((f) => f.subjectId === 'K04')!.evidence).toMatchObject({ decidedAt: null, days: 142 });
  });
});

describe('case-cause-changed and case-revoked', () => {
  it('find cause changes to another clause and revocations dated from D−364 to D', async () => {
    const e = await enterprise(1);
    await kase({ id: 'CC1', credit: e, filed: '2026-01-01T09:00:00+08:00', changes: [{ from: 'A-1', to: 'A-2', at: '2026-02-01T09:00:00+08:00' }] });
    await kase({ id: 'CC2', credit: e, filed: '2026-01-01T09:00:00+08:00', changes: [{ from: 'A-1', to: 'A-1', at: '2026-02-01T09:00:00+08:00' }] });
    await kase({ id: 'CC3', credit: e, filed: '2025-10-01T09:00:00+08:00', changes: [{ from: 'A-1', to: 'A-2', at: '2025-11-20T23:00:00+08:00' }] });
    await kase({ id: 'CC4', credit: e, filed: '2025-10-01T09:00:00+08:00', changes: [{ from: 'A-1', to: 'A-2', at: '2025-11-20T16:00:00Z' }, { from: 'A-2', to: 'A-3', at: '2026-11-21T09:00:00+08:00' }] });
    await kase({ id: 'CC5', credit: e, filed: '2026-10-01T09:00:00+08:00', changes: [{ from: 'A-1', to: 'A-2', at: '2026-11-21T00:00:00+08:00' }] });
    await kase({ id: 'CC6', credit: e, filed: '2026-10-01T09:00:00+08:00', changes: [{ from: 'a-1', to: 'A-1', at: '2026-10-02T00:00:00+08:00' }] });
    const changed = await run(caseCauseChanged);
    expect(changed.map((f) => f.subjectId).sort()).toEqual(['CC1', 'CC4', 'CC6']);
    expect(changed.find((f) => f.subjectId === 'CC4')!.evidence).toEqual({ cause: 'FSL-126', changes: [{ from: 'A-1', to: 'A-2', at: '2025-11-21T00:00:00+08:00' }] });

    await kase({ id: 'CR1', credit: e, filed: '2026-10-01T09:00:00+08:00', revoked: '2026-11-20T23:59:00+08:00' });
    await kase({ id: 'CR2', credit: e, filed: '2026-10-01T09:00:00+08:00', revoked: '2026-11-20T16:00:00Z' });
    await kase({ id: 'CR3', credit: e, filed: '2025-10-01T09:00:00+08:00', revoked: '2025-11-20T12:00:00+08:00' });
    await kase({ id: 'CR4', credit: e, filed: '2025-10-01T09:00:00+08:00', revoked: '2025-11-21T00:00:00+08:00' });
    expect(await subjects(caseRevoked)).toEqual(['CR1', 'CR4']);
  });
});

describe('same-case-different-penalty', () => {
  const decided = '2026-06-01T09:00:00+08:00';
  it('compares with the median of groups of at least 5 (the mean of the middle two for an even count), deviation over 50%', async () => {
    const e = await enterprise(1);
    const group = async (prefix: string, cause: string, fines: number[], extra: Partial<CaseSpec> = {}) => {
      for (const [i, fine] of fines.entries()) await kase({ id: `${prefix}${i}`, credit: e, cause, fine, filed: '2026-05-01T09:00:00+08:00', decided, ...extra });
    };
    await group('P4-', 'C-4', [100, 100, 100, 100_000]); // 4 cases: not compared
    await group('P5-', 'C-5', [100, 100, 100, 150, 151]); // median 100: 150 is exactly 50%, 151 more
    await group('P6-', 'C-6', [100, 100, 101, 300, 300, 300]); // median 200.5: only the 100s deviate over 100.25
    await group('PL-', 'C-5', [100, 100, 100, 100, 100_000], { level: 'light' }); // another level, another group
    // Decided after D (not yet decided) or before the window: outside every group.
    await kase({ id: 'PX-late', credit: e, cause: 'C-5', fine: 1, filed: '2026-05-01T09:00:00+08:00', decided: '2026-11-21T09:00:00+08:00' });
    await kase({ id: 'PX-old', credit: e, cause: 'C-5', fine: 1, filed: '2025-05-01T09:00:00+08:00', decided: '2025-11-20T09:00:00+08:00' });
    const found = await run(sameCaseDifferentPenalty);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['P5-4', 'P6-0', 'P6-1', 'PL-4']);
    expect(found.find((f) => f.subjectId === 'P6-0')!.evidence).toEqual({ cause: 'C-6', discretionLevel: 'general', fine: 100, median: 200.5, groupSize: 6, deviation: -0.501 });
  });

  it('groups a case by the cause it had on D: a cause change after D has not happened yet', async () => {
    const e = await enterprise(1);
    for (let i = 0; i < 4; i++) await kase({ id: `V${i}`, credit: e, cause: 'C-V', fine: 100, filed: '2026-05-01T09:00:00+08:00', decided });
    await kase({ id: 'V-moved', credit: e, cause: 'C-W', fine: 1000, filed: '2026-05-01T09:00:00+08:00', decided, changes: [{ from: 'C-V', to: 'C-W', at: '2026-11-22T09:00:00+08:00' }] });
    for (let i = 0; i < 4; i++) await kase({ id: `W${i}`, credit: e, cause: 'C-W', fine: 1000, filed: '2026-05-01T09:00:00+08:00', decided });
    await kase({ id: 'W-early', credit: e, cause: 'C-W', fine: 5, filed: '2026-05-01T09:00:00+08:00', decided, changes: [{ from: 'C-V', to: 'C-W', at: '2026-05-10T09:00:00+08:00' }] });
    const found = await run(sameCaseDifferentPenalty);
    // C-V as of D: four at 100 and V-moved at 1000. C-W: four at 1000 and W-early at 5.
    expect(found.map((f) => f.subjectId).sort()).toEqual(['V-moved', 'W-early']);
    expect(found.find((f) => f.subjectId === 'V-moved')!.evidence).toMatchObject({ cause: 'C-V', median: 100, groupSize: 5 });
  });
});

describe('officer-workload-outlier', () => {
  async function workload(agency: string, counts: number[]): Promise<void> {
    const ids = counts.map((_, i) => `${agency}-O${i}`);
    await officers(agency, ids);
    const e = await enterprise(Number(agency.replace(/\D/g, '')) + 100);
    let k = 0;
    for (const [i, n] of counts.entries()) {
      for (let j = 0; j < n; j++) {
        const day = String(1 + (k % 28)).padStart(2, '0');
        await inspection({ id: `${agency}-X${k++}`, agency, credit: e, trigger: 'complaint', start: `2026-0${1 + (k % 9)}-${day}T09:00:00+08:00`, officers: [ids[i]] });
      }
    }
  }

  it('compares each officer with Q3 + 3 × IQR of the agency (linear interpolation), officers with none counting 0, agencies of 8 or more', async () => {
    for (const id of ['W1', 'W2', 'W3', 'W4']) await ds.query('INSERT INTO agencies (id, name, kind, region) VALUES (?, ?, ?, ?)', [id, id, 'market', '410202']);
    await workload('W1', [1, 2, 3, 4, 5, 6, 7, 16]); // Q1 2.75, Q3 6.25: limit 16.75
    await workload('W2', [1, 2, 3, 4, 5, 6, 7, 17]);
    await workload('W3', [1, 1, 1, 1, 1, 1, 60]); // 7 officers: not judged
    await workload('W4', [0, 0, 0, 0, 0, 0, 0, 1]); // Q1 = Q3 = 0
    // Outside the window or after D: not counted.
    await inspection({ id: 'W1-old', agency: 'W1', credit: code(101), start: '2025-11-20T09:00:00+08:00', officers: ['W1-O7'] });
    await inspection({ id: 'W1-new', agency: 'W1', credit: code(101), start: '2026-11-21T09:00:00+08:00', officers: ['W1-O7'] });
    const found = await run(officerWorkloadOutlier);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['W2-O7', 'W4-O7']);
    expect(found.find((f) => f.subjectId === 'W2-O7')).toMatchObject({ agencyId: 'W2', officerId: 'W2-O7', evidence: { inspections: 17, agencyOfficers: 8, q1: 2.75, q3: 6.25, iqr: 3.5, threshold: 16.75 } });
  });
});

describe('officer-overlap', () => {
  it('finds one officer in two enterprises at once on half-open intervals, the other started by D', async () => {
    await officers('A1', ['P1', 'P2', 'P3', 'P4', 'P5']);
    const [e1, e2] = [await enterprise(1), await enterprise(2)];
    await inspection({ id: 'V01', credit: e1, start: '2026-06-01T09:00:00+08:00', finish: '2026-06-01T10:00:00+08:00', officers: ['P1'] });
    await inspection({ id: 'V02', credit: e2, start: '2026-06-01T02:00:00Z', finish: '2026-06-01T03:00:00Z', officers: ['P1'] }); // touches V01
    await inspection({ id: 'V03', credit: e1, start: '2026-06-02T09:00:00+08:00', finish: '2026-06-02T10:00:00+08:00', officers: ['P2'] });
    await inspection({ id: 'V04', credit: e2, start: '2026-06-02T01:59:00Z', finish: '2026-06-02T10:30:00+08:00', officers: ['P2', 'P3'] }); // one minute inside
    await inspection({ id: 'V05', credit: e1, start: '2026-06-03T09:00:00+08:00', finish: '2026-06-03T10:00:00+08:00', officers: ['P3'] });
    await inspection({ id: 'V06', credit: e1, start: '2026-06-03T09:30:00+08:00', finish: '2026-06-03T10:30:00+08:00', officers: ['P3'] }); // same enterprise
    await inspection({ id: 'V07', credit: e1, start: '2026-11-20T23:00:00+08:00', finish: '2026-11-21T01:00:00+08:00', officers: ['P4'] });
    await inspection({ id: 'V08', credit: e2, start: '2026-11-21T00:30:00+08:00', finish: '2026-11-21T02:00:00+08:00', officers: ['P4'] }); // after D
    await inspection({ id: 'V09', credit: e1, start: '2025-11-20T23:00:00+08:00', finish: '2025-11-21T01:00:00+08:00', officers: ['P5'] }); // D−365
    await inspection({ id: 'V10', credit: e2, start: '2025-11-21T00:30:00+08:00', finish: '2025-11-21T01:30:00+08:00', officers: ['P5'] });
    const found = await run(officerOverlap);
    expect(found.map((f) => f.subjectId).sort()).toEqual(['V03', 'V04', 'V10']);
    expect(found.find((f) => f.subjectId === 'V10')).toMatchObject({ officerId: 'P5', evidence: { officerId: 'P5', other: 'V09' } });
    expect(found.find((f) => f.subjectId === 'V03')!.evidence).toEqual({
      officerId: 'P2', other: 'V04', otherCreditCode: e2,
      interval: ['2026-06-02T09:00:00+08:00', '2026-06-02T10:00:00+08:00'], otherInterval: ['2026-06-02T09:59:00+08:00', '2026-06-02T10:30:00+08:00'],
    });
  });
  it('reports per subject the overlap of the first officer (binary order), then of the earliest pair, ties in start broken by id', async () => {
    await officers('A1', ['Q1', 'Q2']);
    const [e1, e2, e3] = [await enterprise(1), await enterprise(2), await enterprise(3)];
    const on = (day: string, time: string) => `2026-06-${day}T${time}:00+08:00`;
    // W1 overlaps W2 through Q2 and W3 through Q1: Q1 comes first.
    await inspection({ id: 'W1', credit: e1, start: on('05', '09:00'), finish: on('05', '11:00'), officers: ['Q2', 'Q1'] });
    await inspection({ id: 'W2', credit: e2, start: on('05', '09:30'), finish: on('05', '10:30'), officers: ['Q2'] });
    await inspection({ id: 'W3', credit: e3, start: on('05', '10:00'), finish: on('05', '12:00'), officers: ['Q1'] });
    // Same start: the smaller id is the earlier one, so the empty W7 lies inside W6 (and W5 inside W4).
    await inspection({ id: 'W4', credit: e1, start: on('06', '14:00'), finish: on('06', '15:00'), officers: ['Q1'] });
    await inspection({ id: 'W5', credit: e2, start: on('06', '14:00'), finish: on('06', '14:00'), officers: ['Q1'] });
    await inspection({ id: 'W7', credit: e1, start: on('07', '16:00'), finish: on('07', '16:00'), officers: ['Q1'] });
    await inspection({ id: 'W6', credit: e2, start: on('07', '16:00'), finish: on('07', '17:00'), officers: ['Q1'] });
    // W8 overlaps W9, then W10 (W9 has ended by then): the earlier pair is its evidence.
    await inspection({ id: 'W8', credit: e1, start: on('08', '18:00'), finish: on('08', '20:00'), officers: ['Q2'] });
    await inspection({ id: 'W9', credit: e2, start: on('08', '18:30'), finish: on('08', '19:00'), officers: ['Q2'] });
    await inspection({ id: 'W10', credit: e3, start: on('08', '19:30'), finish: on('08', '21:00'), officers: ['Q2'] });
    // What the report stores: a subject found more than once keeps its first finding.
    const other: Record<string, string> = {};
    for (const f of await run(officerOverlap)) other[f.subjectId] ??= `${f.officerId}:${f.evidence.other}`;
    expect(other).toEqual({
      W1: 'Q1:W3', W2: 'Q2:W1', W3: 'Q1:W1', W4: 'Q1:W5', W5: 'Q1:W4', W6: 'Q1:W7', W7: 'Q1:W6', W8: 'Q2:W9', W9: 'Q2:W8', W10: 'Q2:W8',
    });
  });
});

describe('low-satisfaction', () => {
  it('needs at least 10 ratings in the window and more than 20% disapproving', async () => {
    const rate = async (agency: string, prefix: string, n: number, bad: number, ratedAt = '2026-06-01T09:00:00+08:00') => {
      for (let i = 0; i < n; i++) {
        await ds.query(
          `INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at)
           VALUES (?, ?, 5, 5, 5, 5, ?, '', NULL, ?)`,
          [`${prefix}${i}`, agency, i < bad ? 'disapprove' : 'approve', at(ratedAt)],
        );
      }
    };
    await rate('A1', 'S1-', 10, 2); // exactly 20%
    await rate('A2', 'S2-', 10, 3);
    await rate('A3', 'S3-', 9, 9); // too few
    await rate('A1', 'S1-old-', 5, 5, '2025-11-20T23:59:00+08:00');
    await rate('A1', 'S1-new-', 5, 5, '2026-11-21T00:00:00+08:00');
    const found = await run(lowSatisfaction);
    expect(found.map((f) => f.subjectId)).toEqual(['A2']);
    expect(found[0].evidence).toMatchObject({ ratings: 10, disapprovals: 3, share: 0.3 });
    expect((found[0].evidence.latestDisapproved as string[]).sort()).toEqual(['S2-0', 'S2-1', 'S2-2']);
  });
});
