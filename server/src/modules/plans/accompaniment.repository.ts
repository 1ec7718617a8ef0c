import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** Someone accompanying a plan's inspection (陪同执法). */
export interface Accompaniment {
  planId: string;
  officerId: string;
  agencyId: string;
  addedAt: Date;
}

/** Every statement on `plan_accompaniments`. */
@Injectable()
export class AccompanimentRepository extends BaseRepository {
  /** Adds the officer to the plan; false when already there. */
  async add(entry: Accompaniment & { addedBy: number }, tx: Tx): Promise<boolean> {
    const result: { affectedRows: number } = await tx.query(
      'INSERT IGNORE INTO plan_accompaniments (plan_id, officer_id, agency_id, added_at, added_by) VALUES (?, ?, ?, ?, ?)',
      [entry.planId, entry.officerId, entry.agencyId, entry.addedAt, entry.addedBy]);
    return result.affectedRows === 1;
  }

  /** Who accompanies these plans, each plan's in the order they joined. */
  async ofPlans(planIds: string[], tx?: Tx): Promise<Accompaniment[]> {
    if (!planIds.length) return [];
    const rows: { plan_id: string; officer_id: string; agency_id: string; added_at: Date }[] = await this.db(tx).query(
      'SELECT plan_id, officer_id, agency_id, added_at FROM plan_accompaniments WHERE plan_id IN (?) ORDER BY plan_id, added_at, officer_id', [[...new Set(planIds)]]);
    return rows.map((r) => ({ planId: r.plan_id, officerId: r.officer_id, agencyId: r.agency_id, addedAt: new Date(r.added_at) }));
  }

  /**
   * Accompanied inspections made (scanned in) since an instant, per accompanying agency and month of the
   * scan-in (Asia/Shanghai, YYYY-MM): an inspection counts once per agency however many of it came.
   */
  async byAgencyMonth(since: Date, agencyId: string | null): Promise<{ agencyId: string; month: string; count: number }[]> {
    const rows: { agency_id: string; month: string; n: string }[] = await this.db().query(
      `SELECT a.agency_id, DATE_FORMAT(DATE_ADD(p.checked_in_at, INTERVAL 8 HOUR), '%Y-%m') AS month, COUNT(DISTINCT p.id) AS n
       FROM plan_accompaniments a JOIN plans p ON p.id = a.plan_id
       WHERE p.checked_in_at >= ? AND p.status = 'active'${agencyId ? ' AND a.agency_id = ?' : ''}
       GROUP BY a.agency_id, month`,
      agencyId ? [since, agencyId] : [since]);
    return rows.map((r) => ({ agencyId: r.agency_id, month: r.month, count: Number(r.n) }));
  }

  /** The enterprise's inspections (joint ones once) accompanied and scanned in since an instant. */
  async inspectionsOfEnterpriseSince(creditCode: string, since: Date): Promise<number> {
    const [row]: { n: string }[] = await this.db().query(
      `SELECT COUNT(DISTINCT p.lead_plan_id) AS n FROM plans p
       WHERE p.credit_code = ? AND p.status = 'active' AND p.kind = 'inspection' AND p.checked_in_at >= ?
         AND EXISTS (SELECT 1 FROM plan_accompaniments a WHERE a.plan_id = p.id)`,
      [creditCode, since]);
    return Number(row?.n ?? 0);
  }
}
