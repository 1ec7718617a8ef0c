import { Injectable } from '@nestjs/common';
import { ANOMALY_RULE_TITLES, ANOMALY_RULES } from '@mashang/shared';
import { BaseRepository } from '../../infra/database/tx.js';

/** A finding's case id ends in the finding's id, as 12 hex digits (findings number far fewer than 16^12). */
export const FINDING_ID_DIGITS = 12;

/** Statements on the report's stored findings (`anomaly_findings`). */
@Injectable()
export class AnomalyFindingRepository extends BaseRepository {
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
