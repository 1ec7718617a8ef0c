import { ANOMALY_RULE_TITLES } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { FindingCaseIds, FindingFlags } from '../src/modules/analytics/finding-flags.js';
import { Transactions } from '../src/infra/database/tx.js';
import { AnomalyFindingRepository } from '../src/modules/analytics/anomaly-finding.repository.js';
import { FlaggedCaseRepository, FlagRaiser } from '../src/modules/flags/index.js';
import { TrailRepository } from '../src/modules/trail/index.js';
import { raiseFlag } from './support/trail-and-flags.js';
import { migratedDataSource } from './support/test-app.js';

describe('raising stored findings as flagged cases', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await migratedDataSource('finding_flags');
  });
  afterAll(() => dataSource.destroy());
  const findingFlags = () => {
    const cases = new FlaggedCaseRepository(dataSource);
    return new FindingFlags(new AnomalyFindingRepository(dataSource), cases, new FlagRaiser(cases, new TrailRepository(dataSource)), new Transactions(dataSource));
  };

  const store = async (rule: string, subjectId: string, evidence: string, inspectionId: string | null = subjectId) => {
    const result: { insertId: number } = await dataSource.query(
      `INSERT INTO anomaly_findings (as_of, rule, rule_order, subject_type, subject_id, dedupe_key, agency_id, credit_code, officer_id, inspection_id, severity, evidence, explanation)
       VALUES ('2026-11-20', ?, 0, 'inspection', ?, ?, 'A1', NULL, NULL, ?, 'medium', ?, ?)`,
      [rule, subjectId, `anomaly:${rule}:inspection:${subjectId}`, inspectionId, evidence, `说明"${subjectId}"`],
    );
    return String(result.insertId);
  };

  it('builds each case from its finding, keeps keys raised before, and records events and trail entries in the order given', async () => {
    const at = new Date('2026-11-21T02:00:00.000Z');
    const empty = await store('uncoded-inspection', 'F1', '{}');
    // The finding's own keys win over the case's, as in an object spread.
    const overriding = await store('low-touch-violated', 'F2', JSON.stringify({ rule: 'own', quote: '引号"\\', items: [1] }));
    const before = await store('repeated-inspection', 'F3', '{"previous":"F0"}');
    const earlier = await dataSource.transaction((manager) => raiseFlag(manager, {
      dedupeKey: 'anomaly:repeated-inspection:inspection:F3', source: 'anomaly', subjectType: 'inspection', subjectId: 'F3', severity: 'low', title: '早先', evidence: {}, actor: 'test',
    }));

    const ids = new FindingCaseIds(at);
    const created = await dataSource.transaction((manager) => findingFlags().raise('2026-11-20', [overriding, before, empty], ids, 'system:test', at, manager));

    expect(created.map((c) => c.id)).toEqual([ids.of(overriding), ids.of(empty)]);
    const cases = await dataSource.query("SELECT id, title, evidence, status, inspection_id, created_at FROM flagged_cases WHERE id IN (?)", [[ids.of(empty), ids.of(overriding), earlier.id]]);
    const byId = new Map<string, any>(cases.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(ids.of(empty))).toMatchObject({ title: `${ANOMALY_RULE_TITLES['uncoded-inspection']}：说明"F1"`, status: 'open', inspection_id: 'F1', created_at: at });
    expect(JSON.parse(byId.get(ids.of(empty)).evidence)).toEqual({ report: '2026-11-20', rule: 'uncoded-inspection', subject: { type: 'inspection', id: 'F1' } });
    expect(JSON.parse(byId.get(ids.of(overriding)).evidence)).toEqual({ report: '2026-11-20', rule: 'own', subject: { type: 'inspection', id: 'F2' }, quote: '引号"\\', items: [1] });
    expect(byId.get(earlier.id)).toMatchObject({ title: '早先' });

    const events = await dataSource.query("SELECT case_id, actor FROM flagged_case_events WHERE kind = 'raised' AND actor = 'system:test' ORDER BY id");
    expect(events.map((e: { case_id: string }) => e.case_id)).toEqual([ids.of(overriding), ids.of(empty)]);
    const trail = await dataSource.query("SELECT inspection_id, detail FROM inspection_trail WHERE kind = 'flagged' AND actor = 'system:test' ORDER BY inspection_id");
    expect(trail.map((e: { inspection_id: string; detail: string }) => [e.inspection_id, JSON.parse(e.detail).caseId])).toEqual([['F1', ids.of(empty)], ['F2', ids.of(overriding)]]);

    // Raised again (a retried batch, a later report): nothing new.
    const again = await dataSource.transaction((manager) => findingFlags().raise('2026-11-20', [empty, overriding], new FindingCaseIds(new Date()), 'system:test', new Date(), manager));
    expect(again).toEqual([]);
  });
});
