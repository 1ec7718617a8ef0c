import { ANOMALY_RULE_TITLES, ANOMALY_RULES } from '@mashang/shared';
import type { EntityManager } from 'typeorm';
import { timeOrderedUuid } from '../../infra/ids/time-ordered-uuid.js';
import { recordRaised, type RaisedCase } from '../supervision/flags.js';

/** A finding's case id ends in the finding's id, as 12 hex digits (findings number far fewer than 16^12). */
const FINDING_ID_DIGITS = 12;

/**
 * The cases raised by one report run are named `<run prefix><finding id>`: a UUID version 7 whose
 * last group is the finding's id. The prefix is new for each run and finding ids are never reused,
 * so the database builds each case's id itself, and the run knows it in advance: a case found
 * under the expected id is one this run created, not one an earlier report raised.
 */
export class FindingCaseIds {
  readonly prefix: string;

  constructor(at: Date) {
    this.prefix = timeOrderedUuid(at.getTime()).slice(0, -FINDING_ID_DIGITS);
  }

  of(findingId: string | number): string {
    return this.prefix + Number(findingId).toString(16).padStart(FINDING_ID_DIGITS, '0');
  }
}

/**
 * Raises a batch of stored findings as flagged cases, in the caller's transaction, each dedupe key
 * once for ever (a key raised before keeps its case). The cases are built in the database from the
 * finding rows, so the batch sends ids, not each case's columns: parsing those values cost the
 * database more than writing the rows. The title is the rule's title and the finding's explanation;
 * the evidence is the finding's, after the report date, rule and subject (a finding's own key of
 * the same name wins, as it would in an object spread). `findingIds` come in the report's order:
 * events and trail entries follow it. Answers the cases created.
 */
export async function raiseFindingFlags(
  manager: EntityManager,
  asOf: string,
  findingIds: string[],
  ids: FindingCaseIds,
  actor: string,
  at: Date,
): Promise<RaisedCase[]> {
  if (!findingIds.length) return [];
  await manager.query(
    `INSERT INTO flagged_cases (id, dedupe_key, source, rule, subject_type, subject_id, agency_id, credit_code, officer_id, inspection_id,
       severity, title, evidence, status, conclusion, assignee_id, deadline, created_at, updated_at)
     SELECT CONCAT(?, LPAD(LOWER(HEX(f.id)), ${FINDING_ID_DIGITS}, '0')), f.dedupe_key, 'anomaly', f.rule, f.subject_type, f.subject_id,
       f.agency_id, f.credit_code, f.officer_id, f.inspection_id, f.severity,
       LEFT(CONCAT(COALESCE(ELT(FIELD(f.rule, ?), ?), f.rule), '：', f.explanation), 300),
       CONCAT('{"report":', JSON_QUOTE(?), ',"rule":', JSON_QUOTE(f.rule), ',"subject":{"type":', JSON_QUOTE(f.subject_type),
         ',"id":', JSON_QUOTE(f.subject_id), '}', IF(f.evidence = '{}', '}', CONCAT(',', SUBSTRING(f.evidence, 2)))),
       'open', NULL, NULL, NULL, ?, ?
     FROM anomaly_findings f WHERE f.id IN (?) ORDER BY f.id
     ON DUPLICATE KEY UPDATE flagged_cases.id = flagged_cases.id`,
    [ids.prefix, ANOMALY_RULES, ANOMALY_RULES.map((rule) => ANOMALY_RULE_TITLES[rule]), asOf, at, at, findingIds],
  );
  const expected = findingIds.map((id) => ids.of(id));
  const stored: { id: string; rule: string; title: string; inspection_id: string | null }[] = await manager.query(
    'SELECT id, rule, title, inspection_id FROM flagged_cases WHERE id IN (?)',
    [expected],
  );
  const byId = new Map(stored.map((c) => [c.id, c]));
  const created = expected.filter((id) => byId.has(id)).map((id): RaisedCase => {
    const c = byId.get(id)!;
    return { id, source: 'anomaly', rule: c.rule, title: c.title, inspectionId: c.inspection_id, actor };
  });
  await recordRaised(manager, created, at);
  return created;
}
