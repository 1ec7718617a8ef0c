import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../../infra/database/tx.js';
import { insertedOnce } from '../client-key.js';

/** A yellow finding still waiting for its follow-up check. */
export interface DueFollowUp {
  planId: string;
  itemId: string;
  creditCode: string;
  rectifyBy: string;
}

/** Every statement on `rectification_checks`, and the due list it makes of the yellow findings. */
@Injectable()
export class RectificationCheckRepository extends BaseRepository {
  /**
   * Yellow findings (each item's latest of its plan) due by `until` with no follow-up yet, earliest
   * deadline first; `limit` of them (the caller keeps its agency's).
   */
  async due(until: string, limit: number, tx?: Tx): Promise<DueFollowUp[]> {
    const rows: { plan_id: string; item_id: string; credit_code: string; rectify_by: string }[] = await this.db(tx).query(
      `SELECT f.plan_id, f.item_id, f.credit_code, f.rectify_by FROM findings f
       WHERE f.colour = 'yellow' AND f.rectify_by <= ?
         AND f.id = (SELECT MAX(g.id) FROM findings g WHERE g.plan_id = f.plan_id AND g.item_id = f.item_id)
         AND NOT EXISTS (SELECT 1 FROM rectification_checks c WHERE c.plan_id = f.plan_id AND c.item_id = f.item_id)
       ORDER BY f.rectify_by, f.id LIMIT ?`, [until, limit]);
    return rows.map((r) => ({ planId: r.plan_id, itemId: r.item_id, creditCode: r.credit_code, rectifyBy: r.rectify_by }));
  }

  /** The finding's item is yellow (its latest finding) and not followed up yet. */
  async isDue(planId: string, itemId: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query(
      `SELECT 1 AS x FROM findings f WHERE f.plan_id = ? AND f.item_id = ? AND f.colour = 'yellow'
         AND f.id = (SELECT MAX(g.id) FROM findings g WHERE g.plan_id = f.plan_id AND g.item_id = f.item_id)
         AND NOT EXISTS (SELECT 1 FROM rectification_checks c WHERE c.plan_id = f.plan_id AND c.item_id = f.item_id)`, [planId, itemId]);
    return rows.length > 0;
  }

  /** False when the phone's key, or a follow-up of the same item, is recorded already. */
  insertOnce(check: { planId: string; itemId: string; rectified: boolean; note: string | null; recordedBy: number; at: Date; clientKey: string }, tx: Tx): Promise<boolean> {
    return insertedOnce(() => tx.query(
      'INSERT INTO rectification_checks (plan_id, item_id, rectified, note, recorded_by, at, client_key) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [check.planId, check.itemId, check.rectified, check.note, check.recordedBy, check.at, check.clientKey]));
  }
}
