/**
 * The anomaly report on a generated demo city (the exchange importer's path), checked against what
 * the generator planted and against a shape every finding must have.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANOMALY_RULES, evidenceText, unlabelledEvidenceKeys } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { AnomalyReporter } from '../src/modules/analytics/anomaly-reporter.js';
import { DEMO_CITY_SIZES, generateDemoCity, type DemoCityCounts } from '../src/modules/demo/index.js';
import { ExchangeImporter } from '../src/modules/exchange/exchange-import.js';
import { migratedDataSource, testPhoneCipher } from './support/test-app.js';

const AS_OF = '2026-11-20';
let ds: DataSource;
let counts: DemoCityCounts;
const dir = mkdtempSync(join(tmpdir(), 'analytics-demo-'));

beforeAll(async () => {
  ds = await migratedDataSource('analytics_demo');
  counts = await generateDemoCity(dir, { ...DEMO_CITY_SIZES.tiny, seed: 7, asOf: AS_OF });
  const result = await ExchangeImporter.on(ds, testPhoneCipher(), { actor: 'test' }).import(dir);
  expect(result.ok).toBe(true);
}, 120_000);
afterAll(async () => {
  await ds?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('report on the demo city', () => {
  it('finds every planted anomaly, once per rule and subject, in the report order', async () => {
    const progress: string[] = [];
    const outcome = await AnomalyReporter.on(ds).run(AS_OF, 'test', { onProgress: (p) => progress.push(p.step) });
    // Rules run two at a time, the shared scans first: each is announced once, before the summary.
    expect(progress.slice(0, ANOMALY_RULES.length).sort()).toEqual([...ANOMALY_RULES].sort());
    expect(progress.slice(ANOMALY_RULES.length)).toEqual(['summary', ...progress.slice(ANOMALY_RULES.length + 1, -1).map(() => 'flags'), 'done']);
    const [run] = await ds.query('SELECT summary, finding_count, raised_count FROM anomaly_runs WHERE as_of = ?', [AS_OF]);
    const summary = JSON.parse(run.summary);
    for (const rule of ANOMALY_RULES) expect([rule, summary.byRule[rule]]).toEqual([rule, expect.any(Number)]);
    expect(ANOMALY_RULES.filter((rule) => summary.byRule[rule] === 0)).toEqual([]);
    expect(outcome.findings).toBe(Number(run.finding_count));
    expect(outcome.raised).toBe(outcome.findings);
    const subjects = async (rule: string) => (await ds.query('SELECT subject_id FROM anomaly_findings WHERE as_of = ? AND rule = ?', [AS_OF, rule])).map((r: { subject_id: string }) => r.subject_id);
    expect(await subjects('officer-workload-outlier')).toEqual([counts.planted.overloadedOfficer]);
    expect(await subjects('low-satisfaction')).toEqual([counts.planted.lowSatisfactionAgency]);
    expect((await subjects('case-revoked')).length).toBe(counts.planted.revokedCases);
    // Rule set v2's plants.
    expect(await subjects('fine-surge')).toEqual([counts.planted.fineSurgeAgency]);
    expect((await subjects('short-visit')).length).toBe(counts.planted.shortVisits);
    expect((await subjects('off-hours-inspection')).length).toBe(counts.planted.offHoursInspections);
    expect((await subjects('out-of-jurisdiction')).length).toBe(counts.planted.outOfJurisdictionCases);
    expect((await subjects('repeat-offence-lighter')).length).toBeGreaterThanOrEqual(counts.planted.lighterRepeatCases);
    const expiredOfficers = await ds.query("SELECT DISTINCT officer_id FROM anomaly_findings WHERE as_of = ? AND rule = 'expired-certificate' ORDER BY officer_id", [AS_OF]);
    expect(expiredOfficers.map((r: { officer_id: string }) => r.officer_id)).toEqual([...counts.planted.expiredCertificateOfficers].sort());
    const [{ agencies }] = await ds.query('SELECT COUNT(*) AS agencies FROM agencies');
    expect(Object.keys(summary.byAgency)).toHaveLength(Number(agencies));
    const totalInspections = Object.values(summary.byAgency as Record<string, { inspections: number }>).reduce((n, a) => n + a.inspections, 0);
    const [{ inWindow }] = await ds.query("SELECT COUNT(*) AS inWindow FROM inspections WHERE started_at >= '2025-11-20 16:00:00' AND started_at < '2026-11-20 16:00:00'");
    expect(totalInspections).toBe(Number(inWindow));
    // People read evidence by its Chinese labels: every key every rule stored, and every case raised, has one.
    const stored: { source: string; rule: string; evidence: string }[] = [
      ...(await ds.query("SELECT 'finding' AS source, rule, evidence FROM anomaly_findings WHERE as_of = ?", [AS_OF])),
      ...(await ds.query('SELECT source, rule, evidence FROM flagged_cases')),
    ];
    expect(stored.length).toBeGreaterThan(outcome.findings);
    const unlabelled = new Set(stored.flatMap((r) => unlabelledEvidenceKeys(JSON.parse(r.evidence)).map((key) => `${r.source} ${r.rule}: ${key}`)));
    expect([...unlabelled]).toEqual([]);
    expect(stored.filter((r) => !evidenceText(JSON.parse(r.evidence))).map((r) => `${r.source} ${r.rule}`)).toEqual([]);
  });
});
