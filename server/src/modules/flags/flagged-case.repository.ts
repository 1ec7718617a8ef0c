import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import type { FlagSource } from './flagged-case.entity.js';

/** The columns of a new flagged case, in the order `insert` and `insertSelected` write them. */
export const NEW_CASE_COLUMNS = `id, dedupe_key, source, rule, subject_type, subject_id, agency_id, credit_code, officer_id, inspection_id,
  severity, title, evidence, status, conclusion, assignee_id, deadline, created_at, updated_at`;

export interface NewCaseRow {
  id: string;
  dedupeKey: string;
  source: FlagSource;
  rule: string | null;
  subjectType: string;
  subjectId: string;
  agencyId: string | null;
  creditCode: string | null;
  officerId: string | null;
  inspectionId: string | null;
  severity: 'low' | 'medium' | 'high';
  title: string;
  evidence: string;
  /** YYYY-MM-DD by which the case must be answered; null when none is set at raising. */
  deadline?: string | null;
  at: Date;
}

export interface CaseEventRow {
  caseId: string;
  kind: string;
  actor: string;
  detail: Record<string, unknown>;
  at: Date;
}

/** Raising flagged cases and their events: the statements every module's raising goes through. */
@Injectable()
export class FlaggedCaseRepository extends BaseRepository {
  /** The cases already raised under these dedupe keys. */
  async idsByDedupeKey(dedupeKeys: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!dedupeKeys.length) return new Map();
    const rows: { id: string; dedupe_key: string }[] = await this.db(tx).query('SELECT id, dedupe_key FROM flagged_cases WHERE dedupe_key IN (?)', [dedupeKeys]);
    return new Map(rows.map((r) => [r.dedupe_key, r.id]));
  }

  /** New cases, each created `open`; a dedupe key raised meanwhile by someone else keeps their case. */
  async insert(cases: NewCaseRow[], tx: Tx): Promise<void> {
    if (!cases.length) return;
    await tx.query(`INSERT INTO flagged_cases (${NEW_CASE_COLUMNS}) VALUES ? ON DUPLICATE KEY UPDATE dedupe_key = dedupe_key`, [
      cases.map((c) => [
        c.id, c.dedupeKey, c.source, c.rule, c.subjectType, c.subjectId, c.agencyId, c.creditCode, c.officerId,
        c.inspectionId, c.severity, c.title.slice(0, 300), c.evidence, 'open', null, null, c.deadline ?? null, c.at, c.at,
      ]),
    ]);
  }

  /**
   * New cases built by a caller's SELECT over its own rows, producing NEW_CASE_COLUMNS in order (the
   * nightly report builds them from its stored findings); a dedupe key raised before keeps its case.
   */
  async insertSelected(select: { sql: string; params: unknown[] }, tx: Tx): Promise<void> {
    await tx.query(`INSERT INTO flagged_cases (${NEW_CASE_COLUMNS}) ${select.sql} ON DUPLICATE KEY UPDATE flagged_cases.id = flagged_cases.id`, select.params);
  }

  /** Where a flagged case came from and whom it concerns, for filing a penalty case from a complaint. */
  async originOf(id: string, tx?: Tx): Promise<{ source: string; creditCode: string | null; agencyId: string | null } | null> {
    const [row]: { source: string; credit_code: string | null; agency_id: string | null }[] = await this.db(tx).query(
      'SELECT source, credit_code, agency_id FROM flagged_cases WHERE id = ?', [id]);
    return row ? { source: row.source, creditCode: row.credit_code, agencyId: row.agency_id } : null;
  }

  /** What raising needs to know of stored cases: rule, title and inspection, by id. */
  async raisedByIds(ids: string[], tx?: Tx): Promise<{ id: string; rule: string | null; title: string; inspection_id: string | null }[]> {
    if (!ids.length) return [];
    return this.db(tx).query('SELECT id, rule, title, inspection_id FROM flagged_cases WHERE id IN (?)', [ids]);
  }

  async insertEvents(events: CaseEventRow[], tx: Tx): Promise<void> {
    if (!events.length) return;
    await tx.query('INSERT INTO flagged_case_events (case_id, kind, actor, detail, at) VALUES ?', [
      events.map((e) => [e.caseId, e.kind, e.actor, JSON.stringify(e.detail), e.at]),
    ]);
  }

  /** An expression for another module's statement: the id of the case raised under the dedupe key in `dedupeKeyColumn`, or NULL. */
  caseIdOfDedupeKey(dedupeKeyColumn: string): string {
    return `(SELECT c.id FROM flagged_cases c WHERE c.dedupe_key = ${dedupeKeyColumn})`;
  }

  /** Logs an event on the case raised under this dedupe key, if there is one, and marks the case updated. */
  async appendEventByDedupeKey(dedupeKey: string, event: Omit<CaseEventRow, 'caseId'>, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO flagged_case_events (case_id, kind, actor, detail, at) SELECT id, ?, ?, ?, ? FROM flagged_cases WHERE dedupe_key = ?', [
      event.kind, event.actor, JSON.stringify(event.detail), event.at, dedupeKey,
    ]);
    await tx.query('UPDATE flagged_cases SET updated_at = ? WHERE dedupe_key = ?', [event.at, dedupeKey]);
  }
}
