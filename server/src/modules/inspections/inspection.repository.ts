import { Injectable } from '@nestjs/common';
import type { InspectionRecord } from '@mashang/shared';
import { hadDuplicates, keysetPage, membersInKeyOrder, membersOf, replaceMembers, type MemberTable } from '../../infra/database/keyset.js';
import type { StagedTables } from '../../infra/database/staged-tables.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A stored inspection record, without its officers and items. */
export interface StoredInspection {
  id: string;
  agencyId: string;
  creditCode: string;
  trigger: string;
  jointId: string | null;
  startedAt: Date;
  finishedAt: Date;
  coded: boolean;
  result: string;
}

const INSPECTION_OFFICERS: MemberTable = { table: 'inspection_officers', owner: 'inspection_id', member: 'officer_id', ownerValues: ['agency_id', 'credit_code', 'started_at', 'finished_at'] };
const INSPECTION_ITEMS: MemberTable = { table: 'inspection_items', owner: 'inspection_id', member: 'item_id', ownerValues: ['trigger_type', 'started_at'] };
const INSPECTION_COLUMNS = ['id', 'agency_id', 'credit_code', 'trigger_type', 'joint_id', 'started_at', 'finished_at', 'coded', 'coded_at', 'result', 'officer_count'];
const MEMBER_COLUMNS = (spec: MemberTable) => [spec.owner, spec.member, 'position', ...(spec.ownerValues ?? [])];

const inspectionRow = (r: InspectionRecord) => [r.id, r.agencyId, r.creditCode, r.trigger, r.jointId, r.startedAt, r.finishedAt, r.coded ? 1 : 0, r.codedAt, r.result, r.officerIds.length];
const officerValues = (r: InspectionRecord) => [r.agencyId, r.creditCode, r.startedAt, r.finishedAt];
const itemValues = (r: InspectionRecord) => [r.trigger, r.startedAt];

/**
 * Inspection records (the exchange format's `inspection`): written at finish or imported. Officer and
 * item rows carry their inspection's agency, enterprise, trigger and times, so the nightly report reads
 * each from one index.
 */
@Injectable()
export class InspectionRepository extends BaseRepository {
  /** The records of an inspection every agency has finished: new rows, their officers and items in order. */
  async insertFinished(records: InspectionRecord[], tx: Tx): Promise<void> {
    if (!records.length) return;
    await tx.query('INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result, officer_count) VALUES ?', [
      records.map((r) => [r.id, r.agencyId, r.creditCode, r.trigger, r.jointId, r.startedAt, r.finishedAt, r.coded, r.codedAt, r.result, r.officerIds.length]),
    ]);
    const officers = records.flatMap((r) => r.officerIds.map((id, position) => [r.id, id, position, r.agencyId, r.creditCode, r.startedAt, r.finishedAt]));
    if (officers.length) {
      await tx.query('INSERT INTO inspection_officers (inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at) VALUES ?', [officers]);
    }
    const items = records.flatMap((r) => r.itemIds.map((id, position) => [r.id, id, position, r.trigger, r.startedAt]));
    if (items.length) await tx.query('INSERT INTO inspection_items (inspection_id, item_id, position, trigger_type, started_at) VALUES ?', [items]);
  }

  /** The agency an inspection record belongs to, or null when there is none. */
  async agencyOf(id: string, tx?: Tx): Promise<string | null> {
    const [row]: { agency_id: string }[] = await this.db(tx).query('SELECT agency_id FROM inspections WHERE id = ?', [id]);
    return row?.agency_id ?? null;
  }

  /** Which of these ids have a record. */
  async existingIds(ids: string[], tx?: Tx): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await this.db(tx).query('SELECT id FROM inspections WHERE id IN (?)', [[...new Set(ids)]]);
    return new Set(rows.map((r) => r.id));
  }

  /** Imported records: inserted or replaced, with their officer and item rows set to the records' lists. */
  async upsertMany(records: InspectionRecord[], tx: Tx): Promise<void> {
    const result = await tx.query(
      `INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result, officer_count) VALUES ?
       ON DUPLICATE KEY UPDATE agency_id = VALUES(agency_id), credit_code = VALUES(credit_code), trigger_type = VALUES(trigger_type),
         joint_id = VALUES(joint_id), started_at = VALUES(started_at), finished_at = VALUES(finished_at), coded = VALUES(coded),
         coded_at = VALUES(coded_at), result = VALUES(result), officer_count = VALUES(officer_count)`,
      [records.map(inspectionRow)],
    );
    const replacing = hadDuplicates(result);
    await replaceMembers(tx, INSPECTION_OFFICERS, records.map((r) => [r.id, r.officerIds, officerValues(r)]), replacing);
    await replaceMembers(tx, INSPECTION_ITEMS, records.map((r) => [r.id, r.itemIds, itemValues(r)]), replacing);
  }

  /** The tables an import of inspection records fills. */
  importTables(): string[] {
    return ['inspections', INSPECTION_OFFICERS.table, INSPECTION_ITEMS.table];
  }

  /** Imported records into empty tables' staging copies (the bulk path): the same rows upsertMany writes, members in key order. */
  async stageMany(records: InspectionRecord[], stage: StagedTables): Promise<void> {
    const inspections = await stage.loader('inspections', INSPECTION_COLUMNS);
    const officers = await stage.loader(INSPECTION_OFFICERS.table, MEMBER_COLUMNS(INSPECTION_OFFICERS));
    const items = await stage.loader(INSPECTION_ITEMS.table, MEMBER_COLUMNS(INSPECTION_ITEMS));
    for (const r of records) {
      inspections.write(inspectionRow(r));
      const ofOfficer = officerValues(r);
      for (const [officer, position] of membersInKeyOrder(r.officerIds)) officers.write([r.id, officer, position, ...ofOfficer]);
      const ofItem = itemValues(r);
      for (const [item, position] of membersInKeyOrder(r.itemIds)) items.write([r.id, item, position, ...ofItem]);
    }
    await stage.flushDue();
  }

  /** The next page of records in id order, with their officers and items, for the exchange export. */
  async exchangePage(after: unknown[] | null, limit: number): Promise<{ rows: Record<string, any>[]; officers: Map<string, string[]>; items: Map<string, string[]> }> {
    const rows = await keysetPage(this.dataSource.manager, {
      table: 'inspections', keys: ['id'], columns: 'id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result',
    }, after, limit);
    const ids = rows.map((r) => r.id);
    const [officers, items] = await Promise.all([membersOf(this.dataSource.manager, INSPECTION_OFFICERS, ids), membersOf(this.dataSource.manager, INSPECTION_ITEMS, ids)]);
    return { rows, officers, items };
  }

  /** One record: whose, of which enterprise, when it started and its result; null when there is none. */
  async byId(id: string, tx?: Tx): Promise<InspectionSummary | null> {
    const [row]: InspectionSummaryRow[] = await this.db(tx).query('SELECT id, agency_id, credit_code, started_at, result FROM inspections WHERE id = ?', [id]);
    return row ? toSummary(row) : null;
  }

  /** The agency of each of these records, by record id (records that do not exist are absent). */
  async agenciesOf(ids: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; agency_id: string }[] = await this.db(tx).query('SELECT id, agency_id FROM inspections WHERE id IN (?)', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.agency_id]));
  }

  /** When an agency's planned (trigger `planned`) inspections of an enterprise started, from `since` on. */
  async plannedStartsSince(agencyId: string, creditCode: string, since: Date, tx?: Tx): Promise<Date[]> {
    const rows: { started_at: Date }[] = await this.db(tx).query(
      "SELECT started_at FROM inspections WHERE agency_id = ? AND credit_code = ? AND trigger_type = 'planned' AND started_at >= ?", [agencyId, creditCode, since]);
    return rows.map((r) => new Date(r.started_at));
  }

  /** An enterprise's records by any of these agencies started within [since, until], newest first, at most `limit`. */
  async resultsOf(creditCode: string, agencyIds: string[], since: Date, until: Date, limit: number, tx?: Tx): Promise<InspectionSummary[]> {
    if (!agencyIds.length) return [];
    const rows: InspectionSummaryRow[] = await this.db(tx).query(
      `SELECT id, agency_id, credit_code, started_at, result FROM inspections
       WHERE credit_code = ? AND agency_id IN (?) AND started_at >= ? AND started_at <= ?
       ORDER BY started_at DESC, id LIMIT ?`,
      [creditCode, agencyIds, since, until, limit],
    );
    return rows.map(toSummary);
  }

  /** Inspection records by id, earliest start first. */
  async byIds(ids: string[], tx?: Tx): Promise<StoredInspection[]> {
    if (!ids.length) return [];
    const rows: { id: string; agency_id: string; credit_code: string; trigger_type: string; joint_id: string | null; started_at: Date; finished_at: Date; coded: number; result: string }[] =
      await this.db(tx).query(
        'SELECT id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, result FROM inspections WHERE id IN (?) ORDER BY started_at', [ids]);
    return rows.map((r) => ({
      id: r.id, agencyId: r.agency_id, creditCode: r.credit_code, trigger: r.trigger_type, jointId: r.joint_id,
      startedAt: new Date(r.started_at), finishedAt: new Date(r.finished_at), coded: !!r.coded, result: r.result,
    }));
  }

  /** Which enterprises these officers inspected from `since` on (officer, enterprise pairs, once each). */
  async officerEnterprisesSince(officerIds: string[], since: Date, tx?: Tx): Promise<{ officerId: string; creditCode: string }[]> {
    if (!officerIds.length) return [];
    const rows: { officer_id: string; credit_code: string }[] = await this.db(tx).query(
      'SELECT DISTINCT officer_id, credit_code FROM inspection_officers WHERE officer_id IN (?) AND started_at >= ?', [officerIds, since]);
    return rows.map((r) => ({ officerId: r.officer_id, creditCode: r.credit_code }));
  }

  /** The officers of these inspection records, per inspection in the order listed. */
  async officersOf(inspectionIds: string[], tx?: Tx): Promise<{ inspectionId: string; officerId: string }[]> {
    if (!inspectionIds.length) return [];
    const rows: { inspection_id: string; officer_id: string }[] = await this.db(tx).query(
      'SELECT inspection_id, officer_id FROM inspection_officers WHERE inspection_id IN (?) ORDER BY inspection_id, position', [inspectionIds]);
    return rows.map((r) => ({ inspectionId: r.inspection_id, officerId: r.officer_id }));
  }

  /** One enterprise's records, newest first, a page at a time (the enterprise's own page). */
  /** The enterprise's inspections begun since an instant, a joint inspection once (its agencies' records share its joint id). */
  async countOfEnterpriseSince(creditCode: string, since: Date): Promise<number> {
    const [row]: { n: number | string }[] = await this.dataSource.query(
      'SELECT COUNT(DISTINCT COALESCE(joint_id, id)) AS n FROM inspections WHERE credit_code = ? AND started_at >= ?', [creditCode, since]);
    return Number(row?.n ?? 0);
  }

  async pageOfEnterprise(creditCode: string, page: number, pageSize: number): Promise<{ total: number; rows: StoredInspection[] }> {
    const [{ n }]: { n: number | string }[] = await this.dataSource.query('SELECT COUNT(*) AS n FROM inspections WHERE credit_code = ?', [creditCode]);
    const rows: { id: string; agency_id: string; credit_code: string; trigger_type: string; joint_id: string | null; started_at: Date; finished_at: Date; coded: number; result: string }[] =
      await this.dataSource.query(
        `SELECT id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, result FROM inspections
         WHERE credit_code = ? ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?`,
        [creditCode, pageSize, (page - 1) * pageSize],
      );
    return {
      total: Number(n),
      rows: rows.map((r) => ({
        id: r.id, agencyId: r.agency_id, creditCode: r.credit_code, trigger: r.trigger_type, jointId: r.joint_id,
        startedAt: new Date(r.started_at), finishedAt: new Date(r.finished_at), coded: !!r.coded, result: r.result,
      })),
    };
  }

  /** The items of these inspection records, per inspection in the order listed. */
  async itemsOf(inspectionIds: string[], tx?: Tx): Promise<{ inspectionId: string; itemId: string }[]> {
    if (!inspectionIds.length) return [];
    const rows: { inspection_id: string; item_id: string }[] = await this.db(tx).query(
      'SELECT inspection_id, item_id FROM inspection_items WHERE inspection_id IN (?) ORDER BY inspection_id, position', [inspectionIds]);
    return rows.map((r) => ({ inspectionId: r.inspection_id, itemId: r.item_id }));
  }

  /** Records started since `from`, per agency and Shanghai month (YYYY-MM), with how many were joint; of one agency or all. */
  async countsByAgencyMonth(from: Date, agencyId: string | null): Promise<{ agencyId: string; month: string; count: number; joint: number }[]> {
    const rows: { agency_id: string; month: string; n: number; joint: number }[] = await this.dataSource.query(
      `SELECT agency_id, DATE_FORMAT(DATE_ADD(started_at, INTERVAL 8 HOUR), '%Y-%m') AS month, COUNT(*) AS n, SUM(joint_id IS NOT NULL) AS joint
       FROM inspections WHERE started_at >= ?${agencyId ? ' AND agency_id = ?' : ''} GROUP BY agency_id, month`,
      agencyId ? [from, agencyId] : [from],
    );
    return rows.map((r) => ({ agencyId: r.agency_id, month: r.month, count: Number(r.n), joint: Number(r.joint) }));
  }

  /** How many distinct enterprises were inspected since `from`, by one agency or any. */
  async enterprisesInspectedSince(from: Date, agencyId: string | null): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT COUNT(DISTINCT credit_code) AS n FROM inspections WHERE started_at >= ?${agencyId ? ' AND agency_id = ?' : ''}`, agencyId ? [from, agencyId] : [from]);
    return Number(row.n);
  }

  /**
   * Per agency: records in the current and the previous period, and this period's joint and planned
   * ones; `current.from` splits the two (the previous ends before it). Read from
   * idx_inspections_agency_year alone: every agency in its order, or one agency's range.
   */
  async countsInPeriods(
    current: { from: Date; to: Date }, previous: { from: Date; to: Date }, agencyId: string | null,
  ): Promise<{ agencyId: string; current: number; previous: number; joint: number; planned: number }[]> {
    const rows: { agency_id: string; cur: number; prev: number; joint: number; planned: number }[] = await this.dataSource.query(
      `SELECT agency_id, SUM(started_at >= ?) AS cur, SUM(started_at < ?) AS prev,
         SUM(started_at >= ? AND joint_id IS NOT NULL) AS joint, SUM(started_at >= ? AND trigger_type = 'planned') AS planned
       FROM inspections
       WHERE ((started_at >= ? AND started_at < ?) OR (started_at >= ? AND started_at < ?))${agencyId ? ' AND agency_id = ?' : ''}
       GROUP BY agency_id`,
      [current.from, current.from, current.from, current.from, previous.from, previous.to, current.from, current.to, ...(agencyId ? [agencyId] : [])],
    );
    return rows.map((r) => ({ agencyId: r.agency_id, current: Number(r.cur), previous: Number(r.prev), joint: Number(r.joint), planned: Number(r.planned) }));
  }

  /**
   * How many enterprises were visited how often in [from, to), visits capped at `cap`: by every agency
   * a joint inspection (its records share `joint_id`) is one visit; by one agency, its records.
   */
  async enterprisesByVisits(from: Date, to: Date, cap: number, agencyId: string | null): Promise<{ visits: number; enterprises: number }[]> {
    const rows: { capped: number; enterprises: number }[] = await this.dataSource.query(
      `SELECT LEAST(v.visits, ?) AS capped, COUNT(*) AS enterprises
       FROM (${visitsPerEnterprise(agencyId)}) v GROUP BY capped`,
      [cap, from, to, ...(agencyId ? [agencyId] : [])],
    );
    return rows.map((r) => ({ visits: Number(r.capped), enterprises: Number(r.enterprises) }));
  }

  /** The `limit` enterprises visited most often in [from, to) (counted as enterprisesByVisits does), most first. */
  async mostVisited(from: Date, to: Date, limit: number, agencyId: string | null): Promise<{ creditCode: string; visits: number }[]> {
    const rows: { credit_code: string; visits: number }[] = await this.dataSource.query(
      `SELECT v.credit_code, v.visits FROM (${visitsPerEnterprise(agencyId)}) v ORDER BY v.visits DESC, v.credit_code LIMIT ?`,
      [from, to, ...(agencyId ? [agencyId] : []), limit],
    );
    return rows.map((r) => ({ creditCode: r.credit_code, visits: Number(r.visits) }));
  }

  /** Records per enterprise and agency in [from, to), for a few enterprises (by one agency, or any). */
  async countsByEnterpriseAgency(creditCodes: string[], from: Date, to: Date, agencyId: string | null): Promise<{ creditCode: string; agencyId: string; count: number }[]> {
    if (!creditCodes.length) return [];
    const rows: { credit_code: string; agency_id: string; n: number }[] = await this.dataSource.query(
      `SELECT credit_code, agency_id, COUNT(*) AS n FROM inspections
       WHERE credit_code IN (?) AND started_at >= ? AND started_at < ?${agencyId ? ' AND agency_id = ?' : ''} GROUP BY credit_code, agency_id`,
      [creditCodes, from, to, ...(agencyId ? [agencyId] : [])],
    );
    return rows.map((r) => ({ creditCode: r.credit_code, agencyId: r.agency_id, count: Number(r.n) }));
  }
}

/** Visits per enterprise in a period (parameters: from, to, then the agency when given). */
const visitsPerEnterprise = (agencyId: string | null) => agencyId
  ? 'SELECT credit_code, COUNT(*) AS visits FROM inspections WHERE started_at >= ? AND started_at < ? AND agency_id = ? GROUP BY credit_code'
  : 'SELECT credit_code, COUNT(DISTINCT COALESCE(joint_id, id)) AS visits FROM inspections WHERE started_at >= ? AND started_at < ? GROUP BY credit_code';

/** What other modules read of one inspection record. */
export interface InspectionSummary {
  id: string;
  agencyId: string;
  creditCode: string;
  startedAt: Date;
  result: string;
}

interface InspectionSummaryRow {
  id: string;
  agency_id: string;
  credit_code: string;
  started_at: Date;
  result: string;
}

const toSummary = (row: InspectionSummaryRow): InspectionSummary => ({
  id: row.id, agencyId: row.agency_id, creditCode: row.credit_code, startedAt: new Date(row.started_at), result: row.result,
});
