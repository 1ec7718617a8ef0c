import type { AgencyActivity } from '@mashang/shared';
import type { RowSource, RuleContext } from '../rule.js';

/**
 * The report summary's part read from the registers and cases: every agency, with the cases it filed
 * in the window and how many of them were coercive. Inspections and findings are added after the rules.
 */
export async function agencyCaseActivity(source: RowSource, { start, end }: RuleContext): Promise<Record<string, AgencyActivity>> {
  const byAgency: Record<string, AgencyActivity> = {};
  for (const a of await source.query<{ id: string }>('SELECT id FROM agencies ORDER BY id', [])) byAgency[a.id] = { inspections: 0, cases: 0, coercive: 0, findings: 0 };
  const counts = await source.query<{ agency_id: string; n: string; coercive: string }>(
    'SELECT agency_id, COUNT(*) AS n, SUM(coercive) AS coercive FROM cases WHERE filed_at >= ? AND filed_at < ? GROUP BY agency_id',
    [start, end],
  );
  for (const r of counts) {
    byAgency[r.agency_id] ??= { inspections: 0, cases: 0, coercive: 0, findings: 0 };
    Object.assign(byAgency[r.agency_id], { cases: Number(r.n), coercive: Number(r.coercive) });
  }
  return byAgency;
}
