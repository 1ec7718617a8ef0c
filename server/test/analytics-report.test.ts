/**
 * The nightly anomaly report end to end on real MariaDB, Redis and Bull: the nightly tick queues the
 * report as of yesterday, the job stores it and raises flagged cases once; retries and failures are
 * recorded; the console's endpoints scope by agency; the CLI path writes the file of the spec.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, ANOMALY_RULE_TITLES, ANOMALY_RULES, type AnomalyReportFile } from '@mashang/shared';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import ExcelJS from 'exceljs';
import { JobName, QueueName } from '../src/infra/queues/queues.js';
import { runReportCommand } from '../src/modules/analytics/report-command.js';
import { previousShanghaiDay } from '../src/modules/analytics/shanghai-days.js';
import { firstBreak } from '../src/modules/trail/trail-chain.js';
import { addInspectionOfficer, seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const D = previousShanghaiDay(Date.now());
const day = (offset: number, time = '09:00') => new Date(`${addDays(D, offset)}T${time}:00+08:00`);
let t: TestApp;
let queue: Queue;
const tokens: Record<string, string> = {};

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const runRow = async (asOf: string) => (await t.dataSource.query('SELECT * FROM anomaly_runs WHERE as_of = ?', [asOf]))[0];
const completed = (asOf: string) => waitFor(`report ${asOf}`, async () => {
  const row = await runRow(asOf);
  return row?.status === 'completed' ? row : null;
});

beforeAll(async () => {
  t = await startTestApp('analytics_report', { env: { ANOMALY_REPORT_ATTEMPTS: '2', ANOMALY_REPORT_BACKOFF: '2s' } });
  queue = t.app.get<Queue>(getQueueToken(QueueName.Analytics));
  const ds = t.dataSource;
  await seedTwoAgencies(ds);
  const grade: [string, string][] = [['91410000MA00000001', 'B'], ['91410000MA00000002', 'D'], ['91410000MA00000003', 'B'], ['91410000MA00000004', 'B']];
  for (const [code, g] of grade) {
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '企业', 'catering', '410202', ?)", [code, g]);
  }
  const insp = async (id: string, agency: string, credit: string, start: Date, minutes: number, officer: string, coded = true) => {
    await ds.query(
      "INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES (?, ?, ?, 'planned', NULL, ?, ?, ?, NULL, 'pass')",
      [id, agency, credit, start, new Date(start.getTime() + minutes * 60_000), coded ? 1 : 0],
    );
    await addInspectionOfficer(ds, id, officer);
    // Two officers, as the rules require (单人执法 is rule set v2's own test's concern).
    await addInspectionOfficer(ds, id, 'O9', 1);
  };
  await insp('X0', 'A1', '91410000MA00000001', day(-20), 60, 'O1');
  await insp('X1', 'A1', '91410000MA00000001', day(-10), 60, 'O1', false); // uncoded, repeated
  await insp('X2', 'A2', '91410000MA00000001', day(-8), 60, 'O2'); // unmerged
  await insp('X3', 'A1', '91410000MA00000003', day(-5, '09:00'), 60, 'O1'); // overlap
  await insp('X4', 'A1', '91410000MA00000004', day(-5, '09:30'), 60, 'O1'); // overlap
  await ds.query(
    "INSERT INTO cases (id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at, extended_days, coercive) VALUES ('C1', 'A1', '91410000MA00000001', NULL, 'FSL-126', 'general', 50000, 'filed', ?, 0, 1)",
    [day(-100)],
  );
  for (const user of ['supervisor', 'discipline', 'admin1', 'admin2', 'officer1']) tokens[user] = await login(t.app, user);
});

afterAll(async () => {
  await t?.close();
});

const EXPECTED = [
  'uncoded-inspection:X1', 'repeated-inspection:X1', 'unmerged-inspections:X2', 'high-risk-uninspected:91410000MA00000002',
  'case-overtime:C1', 'officer-overlap:X3', 'officer-overlap:X4',
];

describe('nightly job', () => {
  it('is scheduled as one repeatable job at 02:00 Asia/Shanghai', async () => {
    const repeatable = await queue.getRepeatableJobs();
    expect(repeatable.filter((r) => r.name === JobName.AnomalyNightly)).toEqual([expect.objectContaining({ cron: '0 2 * * *', tz: 'Asia/Shanghai' })]);
  });

  it('computes yesterday\'s report, stores it and raises each finding as a flagged case once', async () => {
    await queue.add(JobName.AnomalyNightly, {}, { jobId: 'tick-for-test' });
    const run = await completed(D);
    expect(run).toMatchObject({ status: 'completed', progress: 100, current_rule: null, attempts: 1, error: null, finding_count: 7, raised_count: 7, requested_by: 'system:nightly-report' });
    const findings: { rule: string; subject_id: string; flagged_case_id: string }[] = await t.dataSource.query('SELECT rule, subject_id, flagged_case_id FROM anomaly_findings WHERE as_of = ? ORDER BY rule_order, subject_id', [D]);
    expect(findings.map((f) => `${f.rule}:${f.subject_id}`)).toEqual(EXPECTED);
    const cases: { id: string; dedupe_key: string; source: string; rule: string; agency_id: string | null; inspection_id: string | null; status: string }[] = await t.dataSource.query(
      "SELECT id, dedupe_key, source, rule, agency_id, inspection_id, status FROM flagged_cases WHERE source = 'anomaly' ORDER BY dedupe_key",
    );
    expect(cases).toHaveLength(7);
    expect(cases.map((c) => c.dedupe_key)).toContain('anomaly:officer-overlap:inspection:X3');
    expect(cases.find((c) => c.dedupe_key === 'anomaly:high-risk-uninspected:enterprise:91410000MA00000002')).toMatchObject({ agency_id: null, inspection_id: null, status: 'open', rule: 'high-risk-uninspected' });
    for (const f of findings) expect(cases.find((c) => c.id === f.flagged_case_id)!.dedupe_key).toBe(`anomaly:${f.rule}:${f.rule === 'case-overtime' ? 'case' : f.rule === 'high-risk-uninspected' ? 'enterprise' : 'inspection'}:${f.subject_id}`);
    const [{ events }] = await t.dataSource.query("SELECT COUNT(*) AS events FROM flagged_case_events WHERE kind = 'raised' AND actor = 'system:nightly-report'");
    expect(Number(events)).toBe(7);
    // A case reads as the finding does: the rule's title with the explanation, the finding's evidence after the report, rule and subject.
    const [overlap] = await t.dataSource.query(
      "SELECT c.id, c.title, c.evidence, c.severity, c.officer_id, c.credit_code, f.id AS finding_id, f.explanation, f.evidence AS finding_evidence FROM flagged_cases c JOIN anomaly_findings f ON f.flagged_case_id = c.id WHERE c.dedupe_key = 'anomaly:officer-overlap:inspection:X3'",
    );
    expect(overlap.title).toBe(`${ANOMALY_RULE_TITLES['officer-overlap']}：${overlap.explanation}`);
    expect(JSON.parse(overlap.evidence)).toEqual({ report: D, rule: 'officer-overlap', subject: { type: 'inspection', id: 'X3' }, ...JSON.parse(overlap.finding_evidence) });
    expect(JSON.parse(overlap.finding_evidence)).toMatchObject({ officerId: 'O1', other: 'X4' });
    expect(overlap).toMatchObject({ severity: 'high', officer_id: 'O1' });
    // A UUID version 7 ending in the finding's id.
    expect(overlap.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(overlap.id.slice(-12), 16)).toBe(Number(overlap.finding_id));
    const [raisedEvent] = await t.dataSource.query("SELECT detail FROM flagged_case_events WHERE case_id = ? AND kind = 'raised'", [overlap.id]);
    expect(JSON.parse(raisedEvent.detail)).toEqual({ source: 'anomaly', rule: 'officer-overlap', title: overlap.title });
    // X1 has two findings: two 'flagged' entries on its trail, chained.
    const trail = await t.dataSource.query("SELECT inspection_id AS inspectionId, seq, kind, actor, detail, at, prev_hash AS prevHash, hash FROM inspection_trail WHERE inspection_id = 'X1' ORDER BY seq");
    expect(trail.map((e: { kind: string }) => e.kind)).toEqual(['flagged', 'flagged']);
    // In the report's rule order, whichever step stored its finding first.
    expect(trail.map((e: { detail: string }) => JSON.parse(e.detail).rule)).toEqual(['uncoded-inspection', 'repeated-inspection']);
    expect(firstBreak(trail.map((e: Record<string, unknown>) => ({ ...e, seq: Number(e.seq), at: new Date(e.at as Date) })) as never)).toBeNull();
    const [{ flagged }] = await t.dataSource.query("SELECT COUNT(*) AS flagged FROM inspection_trail WHERE kind = 'flagged'");
    expect(Number(flagged)).toBe(5);
  });

  it('does not compute a date twice, and a later report raises nothing already raised', async () => {
    const again = await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.supervisor, body: { asOf: D } });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ asOf: D, status: 'completed', attempts: 1 });
    const before = await t.dataSource.query("SELECT COUNT(*) AS n FROM flagged_cases");
    const previousDay = addDays(D, -1);
    const queued = await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.supervisor, body: { asOf: previousDay } });
    expect(queued.status).toBe(202);
    expect(['queued', 'running', 'completed']).toContain(queued.body.status);
    const run = await completed(previousDay);
    expect(run).toMatchObject({ finding_count: 7, raised_count: 0, requested_by: expect.stringMatching(/^user:\d+:supervisor$/) });
    expect(await t.dataSource.query("SELECT COUNT(*) AS n FROM flagged_cases")).toEqual(before);
    const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM inspection_trail WHERE kind = 'flagged'");
    expect(Number(n)).toBe(5);
    const linked = await t.dataSource.query('SELECT COUNT(DISTINCT flagged_case_id) AS n FROM anomaly_findings WHERE as_of IN (?, ?)', [D, previousDay]);
    expect(Number(linked[0].n)).toBe(7);
  });

  it('retries a failed run, records each failure, and reports a run failed once no attempt is left', async () => {
    const asOf = addDays(D, -2);
    await t.dataSource.query('RENAME TABLE ratings TO ratings_away');
    try {
      await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.supervisor, body: { asOf } });
      const failed = await waitFor('the last attempt to fail', async () => ((await runRow(asOf))?.status === 'failed' ? runRow(asOf) : null), 20_000);
      expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
      expect(failed.error).toMatch(/ratings/);
      const view = await call(t.app, 'GET', `/api/anomaly/runs/${asOf}`, { token: tokens.supervisor });
      expect(view.body).toMatchObject({ status: 'failed', attempts: 2, error: expect.stringMatching(/ratings/), currentRule: 'low-satisfaction' });
      const summary = await call(t.app, 'GET', `/api/anomaly/reports/${asOf}`, { token: tokens.supervisor });
      expect(summary.status).toBe(409);
    } finally {
      await t.dataSource.query('RENAME TABLE ratings_away TO ratings');
    }
    // Asking again retries the failed job.
    const retried = await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.supervisor, body: { asOf } });
    expect(retried.status).toBe(202);
    expect(await completed(asOf)).toMatchObject({ status: 'completed', error: null, attempts: 3 });
  });
});

describe('console endpoints', () => {
  it('lists runs with status and progress; counts per rule and agency; scoped for agency admins', async () => {
    const runs = await call(t.app, 'GET', '/api/anomaly/runs?pageSize=5', { token: tokens.supervisor });
    expect(runs.status).toBe(200);
    expect(runs.body.items[0]).toMatchObject({ asOf: D, status: 'completed', progress: 100, currentRule: null, findingCount: 7, raisedCount: 7 });
    const summary = await call(t.app, 'GET', `/api/anomaly/reports/${D}`, { token: tokens.discipline });
    expect(summary.status).toBe(200);
    expect(summary.body.byRule.map((r: { rule: string }) => r.rule)).toEqual([...ANOMALY_RULES]);
    expect(summary.body.byRule.find((r: { rule: string }) => r.rule === 'officer-overlap')).toMatchObject({ count: 2, title: '执法人员同一时间出现在两处' });
    expect(summary.body.byAgency).toEqual([
      { agencyId: 'A1', agencyName: '市市场监督管理局', inspections: 4, cases: 1, coercive: 1, findings: 5 },
      { agencyId: 'A2', agencyName: '市消防救援支队', inspections: 1, cases: 0, coercive: 0, findings: 1 },
    ]);
    const mine = await call(t.app, 'GET', `/api/anomaly/reports/${D}`, { token: tokens.admin2 });
    expect(mine.body.byAgency.map((a: { agencyId: string }) => a.agencyId)).toEqual(['A2']);
    expect(mine.body.byRule.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(1);
    const theirRuns = await call(t.app, 'GET', '/api/anomaly/runs', { token: tokens.admin2 });
    expect(theirRuns.body.items.find((r: { asOf: string }) => r.asOf === D).findingCount).toBe(1);
    expect((await call(t.app, 'GET', '/api/anomaly/runs', { token: tokens.officer1 })).status).toBe(403);
  });

  it('pages findings with filters for drill-down, and keeps agency admins to their own', async () => {
    const overlap = await call(t.app, 'GET', `/api/anomaly/reports/${D}/findings?rule=officer-overlap`, { token: tokens.supervisor });
    expect(overlap.body.total).toBe(2);
    expect(overlap.body.items[0]).toMatchObject({ rule: 'officer-overlap', subject: { type: 'inspection', id: 'X3' }, severity: 'high', agencyId: 'A1', agencyName: '市市场监督管理局', evidence: { officerId: 'O1', other: 'X4' }, flaggedCaseId: expect.any(String) });
    const paged = await call(t.app, 'GET', `/api/anomaly/reports/${D}/findings?page=2&pageSize=3`, { token: tokens.supervisor });
    expect(paged.body).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(paged.body.items.map((f: { rule: string; subject: { id: string } }) => `${f.rule}:${f.subject.id}`)).toEqual(EXPECTED.slice(3, 6));
    const byAgency = await call(t.app, 'GET', `/api/anomaly/reports/${D}/findings?agencyId=A2`, { token: tokens.supervisor });
    expect(byAgency.body.items.map((f: { subject: { id: string } }) => f.subject.id)).toEqual(['X2']);
    const admin = await call(t.app, 'GET', `/api/anomaly/reports/${D}/findings`, { token: tokens.admin1 });
    expect(admin.body.total).toBe(5);
    expect(admin.body.items.every((f: { agencyId: string }) => f.agencyId === 'A1')).toBe(true);
    expect((await call(t.app, 'GET', `/api/anomaly/reports/${D}/findings?agencyId=A2`, { token: tokens.admin1 })).status).toBe(403);
    expect((await call(t.app, 'GET', `/api/anomaly/reports/${D}/findings?rule=nope`, { token: tokens.supervisor })).status).toBe(400);
    expect((await call(t.app, 'GET', '/api/anomaly/reports/2026-02-30/findings', { token: tokens.supervisor })).status).toBe(400);
    expect((await call(t.app, 'GET', '/api/anomaly/reports/2001-01-01/findings', { token: tokens.supervisor })).status).toBe(404);
  });

  it('lets only supervisors start a run, for a day that has ended', async () => {
    expect((await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.admin1, body: {} })).status).toBe(403);
    expect((await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.discipline, body: {} })).status).toBe(403);
    const future = await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.supervisor, body: { asOf: addDays(D, 1) } });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].field).toBe('asOf');
    expect((await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.supervisor, body: { asOf: '20261120' } })).status).toBe(400);
  });

  it('exports findings to Excel, streamed, scoped like the list', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/anomaly/reports/${D}/findings/export`, headers: { authorization: `Bearer ${tokens.admin1}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('规则');
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['uncoded-inspection', '未亮码检查', '高', '检查', 'X1', 'A1']));
    // The evidence in Chinese: labels, vocabularies' labels, Shanghai local time; no keys, no JSON.
    expect(sheet.getRow(2).getCell(8).value).toBe(`检查类型：计划检查；检查开始：${addDays(D, -10)} 09:00`);
  });

  it('writes the yearly high-incidence violation warning report', async () => {
    const year = Number(D.slice(0, 4));
    const answer = await call(t.app, 'GET', `/api/anomaly/warnings/${year}`, { token: tokens.supervisor });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ year, totalCases: 1, previousYearCases: 0, thresholds: { top: 10, minCases: 10, minGrowth: 0.2 }, stored: false });
    // No benchmark names the clause here: it reads as its code.
    expect(answer.body.top).toEqual([{ cause: 'FSL-126', causeName: null, cases: 1, previousYearCases: 0, growth: null, fines: 50000, warning: false }]);
    expect(answer.body.byIndustry).toEqual([{ key: 'catering', cases: 1, causes: answer.body.top }]);
    expect(answer.body.byRegion.map((g: { key: string }) => g.key)).toEqual(['410202']);
    expect((await call(t.app, 'GET', `/api/anomaly/warnings/${year - 1}`, { token: tokens.discipline })).body).toMatchObject({ totalCases: 0, top: [] });
    expect((await call(t.app, 'GET', `/api/anomaly/warnings/${year}`, { token: tokens.admin1 })).status).toBe(403);
  });

  it('shows an agency admin its low-satisfaction finding without the inspections an enterprise disapproved of', async () => {
    const asOf = '2020-01-15';
    await t.dataSource.query(
      "INSERT INTO anomaly_runs (as_of, rule_set, status, requested_by, queued_at, generated_at) VALUES (?, 'v1', 'completed', 'cli', NOW(3), NOW(3))", [asOf]);
    await t.dataSource.query(
      `INSERT INTO anomaly_findings (as_of, rule, rule_order, subject_type, subject_id, dedupe_key, agency_id, severity, evidence, explanation)
       VALUES (?, 'low-satisfaction', ?, 'agency', 'A1', 'anomaly:low-satisfaction:agency:A1', 'A1', 'high', ?, '一年内企业评价12条，其中不满意6条（50%），超过20%')`,
      [asOf, ANOMALY_RULES.indexOf('low-satisfaction'), JSON.stringify({ ratings: 12, disapprovals: 6, share: 0.5, latestDisapproved: ['X1', 'X0'] })],
    );
    const read = async (user: string) => (await call(t.app, 'GET', `/api/anomaly/reports/${asOf}/findings`, { token: tokens[user] })).body.items[0].evidence;
    expect(await read('supervisor')).toEqual({ ratings: 12, disapprovals: 6, share: 0.5, latestDisapproved: ['X1', 'X0'] });
    expect(await read('admin1')).toEqual({ ratings: 12, disapprovals: 6, share: 0.5 });
    const exported = await t.app.inject({ method: 'GET', url: `/api/anomaly/reports/${asOf}/findings/export`, headers: { authorization: `Bearer ${tokens.admin1}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(2).getCell(8).value).toBe('企业评价：12 条；不认可：6 条；不认可占比：50%');
    const full = await t.app.inject({ method: 'GET', url: `/api/anomaly/reports/${asOf}/findings/export`, headers: { authorization: `Bearer ${tokens.supervisor}` } });
    const supervisorBook = new ExcelJS.Workbook();
    await supervisorBook.xlsx.load(full.rawPayload as unknown as ArrayBuffer);
    expect(supervisorBook.worksheets[0].getRow(2).getCell(8).value).toBe('企业评价：12 条；不认可：6 条；不认可占比：50%；最近不认可的检查：X1、X0');
  });
});

describe('CLI path', () => {
  it('runs the report through the same queue and writes the file of anomaly-rules.md', async () => {
    const asOf = addDays(D, -3);
    const out = join(tmpdir(), `anomaly-${process.pid}.json`);
    try {
      const written = await runReportCommand({ dataSource: t.dataSource, redis: t.config.redis, asOf, out, config: t.config.anomalyReport });
      expect(written).toBe(7);
      const text = readFileSync(out, 'utf8');
      const file = JSON.parse(text) as AnomalyReportFile;
      expect(Object.keys(file)).toEqual(['asOf', 'generatedAt', 'ruleSet', 'summary', 'findings']);
      expect(file.asOf).toBe(asOf);
      // Rule set v2: all twenty rules, counted in the summary.
      expect(file.ruleSet).toBe('v2');
      expect(ANOMALY_RULES).toHaveLength(20);
      expect(file.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(Object.keys(file.summary)).toEqual(['byRule', 'byAgency']);
      expect(Object.keys(file.summary.byRule)).toEqual([...ANOMALY_RULES]);
      expect(file.summary.byRule['officer-overlap']).toBe(2);
      expect(file.summary.byAgency).toEqual({ A1: { inspections: 4, cases: 1, coercive: 1, findings: 5 }, A2: { inspections: 1, cases: 0, coercive: 0, findings: 1 } });
      expect(file.findings.map((f) => `${f.rule}:${f.subject.id}`)).toEqual(EXPECTED);
      for (const f of file.findings) {
        expect(Object.keys(f)).toEqual(['rule', 'subject', 'severity', 'agencyId', 'evidence', 'explanation']);
        expect(['low', 'medium', 'high']).toContain(f.severity);
        expect(f.explanation).toMatch(/[\u4e00-\u9fa5]/);
      }
      expect(file.findings[1]).toEqual({
        rule: 'repeated-inspection', subject: { type: 'inspection', id: 'X1' }, severity: 'medium', agencyId: 'A1',
        evidence: { previous: 'X0', daysApart: 10 }, explanation: '同一部门30日内对同一企业重复计划检查（相隔10天，前次检查X0）',
      });
      expect(await runRow(asOf)).toMatchObject({ status: 'completed', requested_by: 'cli' });
      // The same date again: the stored report, not a second computation.
      await runReportCommand({ dataSource: t.dataSource, redis: t.config.redis, asOf, out, config: t.config.anomalyReport });
      expect(readFileSync(out, 'utf8')).toBe(text);
      expect(await runRow(asOf)).toMatchObject({ attempts: 1 });
    } finally {
      rmSync(out, { force: true });
    }
  });
});
