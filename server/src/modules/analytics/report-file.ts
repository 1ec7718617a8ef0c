import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { ANOMALY_RULE_SET, type AnomalyFinding, type AnomalyRuleId, type AnomalySeverity, type AnomalySubjectType } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { isoShanghai } from './shanghai-days.js';

const PAGE = 2000;

export interface StoredFinding {
  id: string;
  rule: string;
  rule_order: number;
  subject_type: string;
  subject_id: string;
  agency_id: string | null;
  severity: string;
  evidence: string;
  explanation: string;
  flagged_case_id: string | null;
}

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

/**
 * Every finding of a report in the report's order (rule as in the spec's table, then subject id),
 * page by page on the (as_of, rule_order, subject_id) index, optionally of one agency.
 */
export async function* storedFindings(dataSource: DataSource, asOf: string, agencyId: string | null = null, rule: number | null = null): AsyncIterable<StoredFinding> {
  let order = -1;
  let subject = '';
  for (;;) {
    const rows: StoredFinding[] = await dataSource.query(
      `SELECT id, rule, rule_order, subject_type, subject_id, agency_id, severity, evidence, explanation, flagged_case_id
       FROM anomaly_findings
       WHERE as_of = ?${agencyId === null ? '' : ' AND agency_id = ?'}${rule === null ? '' : ' AND rule_order = ?'}
         AND (rule_order > ? OR (rule_order = ? AND subject_id > ?))
       ORDER BY rule_order, subject_id LIMIT ${PAGE}`,
      [asOf, ...(agencyId === null ? [] : [agencyId]), ...(rule === null ? [] : [rule]), order, order, subject],
    );
    for (const row of rows) yield row;
    if (rows.length < PAGE) return;
    order = Number(rows[rows.length - 1].rule_order);
    subject = rows[rows.length - 1].subject_id;
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes the completed report of `asOf` as the file of `anomaly-rules.md` (asOf, generatedAt,
 * ruleSet, summary, findings), streaming the findings. Answers the number of findings written.
 */
export async function writeReport(dataSource: DataSource, asOf: string, out: Writable): Promise<number> {
  const [run]: { status: string; generated_at: Date; summary: string; rule_set: string }[] = await dataSource.query(
    'SELECT status, generated_at, summary, rule_set FROM anomaly_runs WHERE as_of = ?',
    [asOf],
  );
  if (run?.status !== 'completed') throw new Error(`the report as of ${asOf} is not complete`);
  const generatedAt = isoShanghai(new Date(Math.floor(new Date(run.generated_at).getTime() / 1000) * 1000));
  const summary = JSON.parse(run.summary);
  await write(out, `{\n  "asOf": ${JSON.stringify(asOf)},\n  "generatedAt": ${JSON.stringify(generatedAt)},\n  "ruleSet": ${JSON.stringify(run.rule_set ?? ANOMALY_RULE_SET)},\n`);
  await write(out, `  "summary": ${JSON.stringify({ byRule: summary.byRule, byAgency: summary.byAgency })},\n  "findings": [`);
  let count = 0;
  for await (const row of storedFindings(dataSource, asOf)) {
    await write(out, `${count ? ',' : ''}\n    ${JSON.stringify(toFinding(row))}`);
    count++;
  }
  await write(out, `${count ? '\n  ' : ''}]\n}\n`);
  return count;
}

export async function writeReportFile(dataSource: DataSource, asOf: string, path: string): Promise<number> {
  const out = createWriteStream(path);
  try {
    const count = await writeReport(dataSource, asOf, out);
    out.end();
    await finished(out);
    return count;
  } catch (error) {
    out.destroy();
    throw error;
  }
}
