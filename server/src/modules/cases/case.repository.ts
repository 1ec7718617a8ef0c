import { Injectable } from '@nestjs/common';
import type { CaseRecord } from '@mashang/shared';
import { hadDuplicates, keysetPage, membersInKeyOrder, membersOf, replaceMembers, type MemberTable } from '../../infra/database/keyset.js';
import type { StagedTables } from '../../infra/database/staged-tables.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A penalty case as other modules' views list it. */
export interface CaseSummary {
  id: string;
  agencyId: string;
  cause: string;
  status: string;
  filedAt: Date;
  /** In fen, as a decimal string (BIGINT). */
  fine: string;
}

const CASE_OFFICERS: MemberTable = { table: 'case_officers', owner: 'case_id', member: 'officer_id' };
const CASE_COLUMNS = [
  'id', 'agency_id', 'credit_code', 'inspection_id', 'cause', 'discretion_level', 'fine', 'status', 'filed_at', 'decided_at', 'closed_at', 'revoked_at', 'cause_changes', 'extended_days', 'coercive',
];

const caseRow = (r: CaseRecord) => [
  r.id, r.agencyId, r.creditCode, r.inspectionId, r.cause, r.discretionLevel, r.fine, r.status, r.filedAt, r.decidedAt, r.closedAt, r.revokedAt,
  r.causeChanges.length ? JSON.stringify(r.causeChanges.map((c) => ({ from: c.from, to: c.to, at: new Date(c.at).toISOString() }))) : null,
  r.extendedDays, r.coercive ? 1 : 0,
];

/** Administrative penalty cases (行政处罚案件: 立案 → 决定 → 结案, or 撤销) and their officers. */
@Injectable()
export class CaseRepository extends BaseRepository {
  /** Imported cases: inserted or replaced, with their officer rows set to the records' lists. */
  async upsertMany(records: CaseRecord[], tx: Tx): Promise<void> {
    const result = await tx.query(
      `INSERT INTO cases (id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at, decided_at, closed_at, revoked_at, cause_changes, extended_days, coercive) VALUES ?
       ON DUPLICATE KEY UPDATE agency_id = VALUES(agency_id), credit_code = VALUES(credit_code), inspection_id = VALUES(inspection_id),
         cause = VALUES(cause), discretion_level = VALUES(discretion_level), fine = VALUES(fine), status = VALUES(status),
         filed_at = VALUES(filed_at), decided_at = VALUES(decided_at), closed_at = VALUES(closed_at), revoked_at = VALUES(revoked_at),
         cause_changes = VALUES(cause_changes), extended_days = VALUES(extended_days), coercive = VALUES(coercive)`,
      [records.map(caseRow)],
    );
    await replaceMembers(tx, CASE_OFFICERS, records.map((r) => [r.id, r.officerIds]), hadDuplicates(result));
  }

  /** The tables an import of cases fills. */
  importTables(): string[] {
    return ['cases', CASE_OFFICERS.table];
  }

  /** Imported cases into empty tables' staging copies (the bulk path): the rows upsertMany writes, officers in key order. */
  async stageMany(records: CaseRecord[], stage: StagedTables): Promise<void> {
    const cases = await stage.loader('cases', CASE_COLUMNS);
    const officers = await stage.loader(CASE_OFFICERS.table, [CASE_OFFICERS.owner, CASE_OFFICERS.member, 'position']);
    for (const r of records) {
      cases.write(caseRow(r));
      for (const [officer, position] of membersInKeyOrder(r.officerIds)) officers.write([r.id, officer, position]);
    }
    await stage.flushDue();
  }

  /** The next page of cases in id order, with their officers, for the exchange export. */
  async exchangePage(after: unknown[] | null, limit: number): Promise<{ rows: Record<string, any>[]; officers: Map<string, string[]> }> {
    const rows = await keysetPage(this.dataSource.manager, {
      table: 'cases', keys: ['id'],
      columns: 'id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at, decided_at, closed_at, revoked_at, cause_changes, extended_days, coercive',
    }, after, limit);
    return { rows, officers: await membersOf(this.dataSource.manager, CASE_OFFICERS, rows.map((r) => r.id)) };
  }

  /** Cases by id, earliest filed first. */
  async summaries(ids: string[], tx?: Tx): Promise<CaseSummary[]> {
    if (!ids.length) return [];
    const rows: { id: string; agency_id: string; cause: string; status: string; filed_at: Date; fine: string | number }[] = await this.db(tx).query(
      'SELECT id, agency_id, cause, status, filed_at, fine FROM cases WHERE id IN (?) ORDER BY filed_at', [ids]);
    return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, cause: r.cause, status: r.status, filedAt: new Date(r.filed_at), fine: String(r.fine) }));
  }
}
