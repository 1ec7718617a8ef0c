import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** An inspection record as written when every agency has finished: the agency's part, its officers and items in order. */
export interface FinishedInspection {
  id: string;
  agencyId: string;
  creditCode: string;
  trigger: string;
  jointId: string | null;
  startedAt: Date;
  finishedAt: Date;
  coded: boolean;
  codedAt: Date | null;
  result: string;
  officers: { id: string; position: number }[];
  items: { id: string; position: number }[];
}

/** A stored inspection record, without its officers and items. */
export interface InspectionRecord {
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

/**
 * Inspection records (the exchange format's `inspection`): written at finish or imported. Officer and
 * item rows carry their inspection's agency, enterprise, trigger and times, so the nightly report reads
 * each from one index.
 */
@Injectable()
export class InspectionRepository extends BaseRepository {
  async insertFinished(records: FinishedInspection[], tx: Tx): Promise<void> {
    if (!records.length) return;
    await tx.query('INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, coded_at, result) VALUES ?', [
      records.map((r) => [r.id, r.agencyId, r.creditCode, r.trigger, r.jointId, r.startedAt, r.finishedAt, r.coded, r.codedAt, r.result]),
    ]);
    const officers = records.flatMap((r) => r.officers.map((o) => [r.id, o.id, o.position, r.agencyId, r.creditCode, r.startedAt, r.finishedAt]));
    if (officers.length) {
      await tx.query('INSERT INTO inspection_officers (inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at) VALUES ?', [officers]);
    }
    const items = records.flatMap((r) => r.items.map((i) => [r.id, i.id, i.position, r.trigger, r.startedAt]));
    if (items.length) await tx.query('INSERT INTO inspection_items (inspection_id, item_id, position, trigger_type, started_at) VALUES ?', [items]);
  }

  /** The agency an inspection record belongs to, or null when there is none. */
  async agencyOf(id: string, tx?: Tx): Promise<string | null> {
    const [row]: { agency_id: string }[] = await this.db(tx).query('SELECT agency_id FROM inspections WHERE id = ?', [id]);
    return row?.agency_id ?? null;
  }

  /** Inspection records by id, earliest start first. */
  async byIds(ids: string[], tx?: Tx): Promise<InspectionRecord[]> {
    if (!ids.length) return [];
    const rows: { id: string; agency_id: string; credit_code: string; trigger_type: string; joint_id: string | null; started_at: Date; finished_at: Date; coded: number; result: string }[] =
      await this.db(tx).query(
        'SELECT id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, result FROM inspections WHERE id IN (?) ORDER BY started_at', [ids]);
    return rows.map((r) => ({
      id: r.id, agencyId: r.agency_id, creditCode: r.credit_code, trigger: r.trigger_type, jointId: r.joint_id,
      startedAt: new Date(r.started_at), finishedAt: new Date(r.finished_at), coded: !!r.coded, result: r.result,
    }));
  }

  /** The officers of these inspection records, per inspection in the order listed. */
  async officersOf(inspectionIds: string[], tx?: Tx): Promise<{ inspectionId: string; officerId: string }[]> {
    if (!inspectionIds.length) return [];
    const rows: { inspection_id: string; officer_id: string }[] = await this.db(tx).query(
      'SELECT inspection_id, officer_id FROM inspection_officers WHERE inspection_id IN (?) ORDER BY inspection_id, position', [inspectionIds]);
    return rows.map((r) => ({ inspectionId: r.inspection_id, officerId: r.officer_id }));
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
}
