import { Injectable } from '@nestjs/common';
import { ANOMALY_RULE_TITLES, ANOMALY_RULES } from '@mashang/shared';
import { BaseRepository } from '../../infra/database/tx.js';

/** A finding's case id ends in the finding's id, as 12 hex digits (findings number far fewer than 16^12). */
export const FINDING_ID_DIGITS = 12;

/** A stored finding, as the console, the report file and the export read it. */
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

/** Which findings of a date: of one agency, of one rule (its order in the rule set). */
export interface FindingScope {
  agencyId: string | null;
  ruleOrder: number | null;
}

/** A position in the report's order (rule, then subject id), to read on from. */
export interface FindingCursor {
  ruleOrder: number;
  subjectId: string;
}

const FINDING_COLUMNS = 'id, rule, rule_order, subject_type, subject_id, agency_id, severity, evidence, explanation, flagged_case_id';

function scoped(asOf: string, scope: FindingScope): { where: string; params: unknown[] } {
  const where = ['as_of = ?'];
  const params: unknown[] = [asOf];
  if (scope.agencyId !== null) {
    where.push('agency_id = ?');
    params.push(scope.agencyId);
  }
  if (scope.ruleOrder !== null) {
    where.push('rule_order = ?');
    params.push(scope.ruleOrder);
  }
  return { where: where.join(' AND '), params };
}

/** The report's stored findings (`anomaly_findings`), one row per rule and subject and date. */
@Injectable()
export class AnomalyFindingRepository extends BaseRepository {
  /** A re-run replaces the date's findings: deletes up to `limit` of them, answering how many went. */
  async deleteSome(asOf: string, limit: number): Promise<number> {
    const result: { affectedRows: number } = await this.dataSource.query('DELETE FROM anomaly_findings WHERE as_of = ? LIMIT ?', [asOf, limit]);
    return result.affectedRows;
  }

  /**
   * Stores findings, each a row of (as_of, rule, rule_order, subject_type, subject_id, dedupe_key, agency_id,
   * credit_code, officer_id, inspection_id, severity, evidence, explanation). A subject found twice
   * (officer-overlap through several officers) keeps its first finding.
   */
  async insertMany(rows: unknown[][]): Promise<void> {
    if (!rows.length) return;
    await this.dataSource.query(
      `INSERT INTO anomaly_findings (as_of, rule, rule_order, subject_type, subject_id, dedupe_key, agency_id, credit_code, officer_id, inspection_id,
         severity, evidence, explanation) VALUES ? ON DUPLICATE KEY UPDATE id = id`,
      [rows],
    );
  }

  /** Findings per rule of a date, of one agency or all. */
  async countByRule(asOf: string, agencyId: string | null): Promise<Map<string, number>> {
    const rows: { rule: string; n: string }[] = agencyId === null
      ? await this.dataSource.query('SELECT rule, COUNT(*) AS n FROM anomaly_findings WHERE as_of = ? GROUP BY rule', [asOf])
      : await this.dataSource.query('SELECT rule, COUNT(*) AS n FROM anomaly_findings WHERE as_of = ? AND agency_id = ? GROUP BY rule', [asOf, agencyId]);
    return new Map(rows.map((r) => [r.rule, Number(r.n)]));
  }

  /** Findings per agency of a date (findings without an agency left out). */
  async countByAgency(asOf: string): Promise<Map<string, number>> {
    const rows: { agency_id: string; n: string }[] = await this.dataSource.query(
      'SELECT agency_id, COUNT(*) AS n FROM anomaly_findings WHERE as_of = ? AND agency_id IS NOT NULL GROUP BY agency_id', [asOf]);
    return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
  }

  /** One page of a date's findings in the report's order, and how many there are. */
  async page(asOf: string, scope: FindingScope, limit: number, offset: number): Promise<{ rows: StoredFinding[]; total: number }> {
    const { where, params } = scoped(asOf, scope);
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM anomaly_findings WHERE ${where}`, params);
    const rows: StoredFinding[] = await this.dataSource.query(
      `SELECT ${FINDING_COLUMNS} FROM anomaly_findings WHERE ${where} ORDER BY rule_order, subject_id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { rows, total: Number(total) };
  }

  /** The next `limit` findings after `after` in the report's order, on the (as_of, rule_order, subject_id) index. */
  after(asOf: string, scope: FindingScope, after: FindingCursor, limit: number): Promise<StoredFinding[]> {
    const { where, params } = scoped(asOf, scope);
    return this.dataSource.query(
      `SELECT ${FINDING_COLUMNS} FROM anomaly_findings WHERE ${where} AND (rule_order > ? OR (rule_order = ? AND subject_id > ?))
       ORDER BY rule_order, subject_id LIMIT ${Number(limit)}`,
      [...params, after.ruleOrder, after.ruleOrder, after.subjectId],
    );
  }

  /**
   * The next findings of one lane after `after`: lanes split the findings by inspection (or subject when
   * there is none), so one inspection's findings all fall in one lane, in the report's order.
   */
  laneAfter(asOf: string, lane: { index: number; of: number }, after: FindingCursor, limit: number): Promise<{ id: string; rule_order: number; subject_id: string }[]> {
    return this.dataSource.query(
      `SELECT id, rule_order, subject_id FROM anomaly_findings WHERE as_of = ? AND (rule_order > ? OR (rule_order = ? AND subject_id > ?)) AND CRC32(COALESCE(inspection_id, subject_id)) % ? = ?
       ORDER BY rule_order, subject_id LIMIT ?`,
      [asOf, after.ruleOrder, after.ruleOrder, after.subjectId, lane.of, lane.index, limit],
    );
  }

  /**
   * Links a rule's findings of a date to their flagged cases; `caseIdOf` is the flags module's expression
   * for the case of a dedupe key (here the finding's, `f.dedupe_key`).
   */
  async linkToCases(asOf: string, ruleOrder: number, caseIdOf: (dedupeKeyColumn: string) => string): Promise<void> {
    await this.dataSource.query(
      `UPDATE anomaly_findings f SET f.flagged_case_id = ${caseIdOf('f.dedupe_key')} WHERE f.as_of = ? AND f.rule_order = ?`,
      [asOf, ruleOrder],
    );
  }

  /**
   * The SELECT that builds flagged cases (flags' new-case columns, in order) from stored findings: the
   * id is `casePrefix` and the finding's id in hex, the title the rule's title and the finding's
   * explanation, the evidence the finding's after the report date, rule and subject (a finding's own
   * key of the same name wins, as it would in an object spread).
   */
  flaggedCaseSelect(casePrefix: string, asOf: string, at: Date, findingIds: string[]): { sql: string; params: unknown[] } {
    return {
      sql: `SELECT CONCAT(?, LPAD(LOWER(HEX(f.id)), ${FINDING_ID_DIGITS}, '0')), f.dedupe_key, 'anomaly', f.rule, f.subject_type, f.subject_id,
       f.agency_id, f.credit_code, f.officer_id, f.inspection_id, f.severity,
       LEFT(CONCAT(COALESCE(ELT(FIELD(f.rule, ?), ?), f.rule), '：', f.explanation), 300),
       CONCAT('{"report":', JSON_QUOTE(?), ',"rule":', JSON_QUOTE(f.rule), ',"subject":{"type":', JSON_QUOTE(f.subject_type),
         ',"id":', JSON_QUOTE(f.subject_id), '}', IF(f.evidence = '{}', '}', CONCAT(',', SUBSTRING(f.evidence, 2)))),
       'open', NULL, NULL, NULL, ?, ?
     FROM anomaly_findings f WHERE f.id IN (?) ORDER BY f.id`,
      params: [casePrefix, ANOMALY_RULES, ANOMALY_RULES.map((rule) => ANOMALY_RULE_TITLES[rule]), asOf, at, at, findingIds],
    };
  }
}
