import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { ANOMALY_RULE_SET, type AnomalyFinding, type AnomalyRuleId, type AnomalySeverity, type AnomalySubjectType } from '@mashang/shared';
import type { AnomalyFindingRepository, FindingScope, StoredFinding } from './anomaly-finding.repository.js';
import type { AnomalyRunRepository } from './anomaly-run.repository.js';
import { isoShanghai } from './shanghai-days.js';

const PAGE = 2000;

/** A stored finding in the report file's shape (keys in the spec's order). */
export function toFinding(r: StoredFinding): AnomalyFinding {
  return {
    rule: r.rule as AnomalyRuleId,
    subject: { type: r.subject_type as AnomalySubjectType, id: r.subject_id },
    severity: r.severity as AnomalySeverity,
    agencyId: r.agency_id,
    evidence: JSON.parse(r.evidence),
    explanation: r.explanation,
  };
}

/** The report's tables, as the file and the export read them. */
export interface ReportTables {
  runs: AnomalyRunRepository;
  findings: AnomalyFindingRepository;
}

/**
 * Every finding of a report in the report's order (rule as in the spec's table, then subject id),
 * page by page on the (as_of, rule_order, subject_id) index, optionally of one agency or rule.
 */
export async function* storedFindings(findings: AnomalyFindingRepository, asOf: string, scope: FindingScope = { agencyId: null, ruleOrder: null }): AsyncIterable<StoredFinding> {
  let after = { ruleOrder: -1, subjectId: '' };
  for (;;) {
    const rows = await findings.after(asOf, scope, after, PAGE);
    for (const row of rows) yield row;
    if (rows.length < PAGE) return;
    after = { ruleOrder: Number(rows[rows.length - 1].rule_order), subjectId: rows[rows.length - 1].subject_id };
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes the completed report of `asOf` as the file of `anomaly-rules.md` (asOf, generatedAt,
 * ruleSet, summary, findings), streaming the findings. Answers the number of findings written.
 */
export async function writeReport(tables: ReportTables, asOf: string, out: Writable): Promise<number> {
  const run = await tables.runs.get(asOf);
  if (run?.status !== 'completed') throw new Error(`the report as of ${asOf} is not complete`);
  const generatedAt = isoShanghai(new Date(Math.floor(new Date(run.generated_at!).getTime() / 1000) * 1000));
  const summary = JSON.parse(run.summary!);
  await write(out, `{\n  "asOf": ${JSON.stringify(asOf)},\n  "generatedAt": ${JSON.stringify(generatedAt)},\n  "ruleSet": ${JSON.stringify(run.rule_set ?? ANOMALY_RULE_SET)},\n`);
  await write(out, `  "summary": ${JSON.stringify({ byRule: summary.byRule, byAgency: summary.byAgency })},\n  "findings": [`);
  let count = 0;
  for await (const row of storedFindings(tables.findings, asOf)) {
    await write(out, `${count ? ',' : ''}\n    ${JSON.stringify(toFinding(row))}`);
    count++;
  }
  await write(out, `${count ? '\n  ' : ''}]\n}\n`);
  return count;
}

export async function writeReportFile(tables: ReportTables, asOf: string, path: string): Promise<number> {
  const out = createWriteStream(path);
  try {
    const count = await writeReport(tables, asOf, out);
    out.end();
    await finished(out);
    return count;
  } catch (error) {
    out.destroy();
    throw error;
  }
}
