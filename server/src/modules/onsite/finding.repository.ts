import { Injectable } from '@nestjs/common';
import type { FindingOutcome, ViolationColour } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import { insertedOnce } from './client-key.js';

/** The result of one item as recorded; a later one for the same item supersedes it. */
export interface RecordedFinding {
  itemId: string;
  outcome: FindingOutcome;
  rectifyBy: string | null;
  note: string | null;
  at: Date;
  /** 三色, on violations and rectifications classed per the agency's list. */
  colour: ViolationColour | null;
}

interface FindingRow {
  item_id: string;
  outcome: FindingOutcome;
  rectify_by: string | null;
  note: string | null;
  at: Date;
  colour: ViolationColour | null;
}

const toFinding = (r: FindingRow): RecordedFinding => ({ itemId: r.item_id, outcome: r.outcome, rectifyBy: r.rectify_by, note: r.note, at: new Date(r.at), colour: r.colour ?? null });

/** Every statement on `findings`. */
@Injectable()
export class FindingRepository extends BaseRepository {
  /** Records one finding; false when its idempotency key is recorded already. */
  insertOnce(planId: string, finding: RecordedFinding & { recordedBy: number; clientKey: string; creditCode: string | null }, tx: Tx): Promise<boolean> {
    return insertedOnce(() => tx.query(
      'INSERT INTO findings (plan_id, item_id, outcome, rectify_by, note, recorded_by, at, client_key, colour, credit_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [planId, finding.itemId, finding.outcome, finding.rectifyBy, finding.note, finding.recordedBy, finding.at, finding.clientKey, finding.colour,
        finding.colour ? finding.creditCode : null]));
  }

  /**
   * The enterprise's earlier violations of each item: how many other inspections (plans) recorded a
   * coloured finding of it. Decides 首违不罚 (a first offence only).
   */
  async priorViolations(creditCode: string, itemIds: string[], exceptPlanIds: string[], tx?: Tx): Promise<Map<string, number>> {
    if (!itemIds.length) return new Map();
    const rows: { item_id: string; n: number | string }[] = await this.db(tx).query(
      `SELECT item_id, COUNT(DISTINCT plan_id) AS n FROM findings
       WHERE credit_code = ? AND item_id IN (?) AND plan_id NOT IN (?) GROUP BY item_id`,
      [creditCode, [...new Set(itemIds)], exceptPlanIds.length ? exceptPlanIds : ['']]);
    return new Map(rows.map((r) => [r.item_id, Number(r.n)]));
  }

  /** The latest finding per item of several plans (a joint inspection's), by plan. */
  async latestOfPlans(planIds: string[], tx?: Tx): Promise<Map<string, Map<string, RecordedFinding>>> {
    const out = new Map<string, Map<string, RecordedFinding>>(planIds.map((id) => [id, new Map()]));
    if (!planIds.length) return out;
    const rows: (FindingRow & { plan_id: string })[] = await this.db(tx).query(
      'SELECT plan_id, item_id, outcome, rectify_by, note, at, colour FROM findings WHERE plan_id IN (?) ORDER BY id', [planIds]);
    for (const r of rows) out.get(r.plan_id)?.set(r.item_id, toFinding(r));
    return out;
  }

  async hasKey(userId: number, clientKey: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT 1 AS x FROM findings WHERE recorded_by = ? AND client_key = ?', [userId, clientKey]);
    return rows.length > 0;
  }

  /** The plan's latest finding per item, in the order the items were first recorded. */
  async latestOf(planId: string, tx?: Tx): Promise<Map<string, RecordedFinding>> {
    const rows: FindingRow[] = await this.db(tx).query('SELECT item_id, outcome, rectify_by, note, at, colour FROM findings WHERE plan_id = ? ORDER BY id', [planId]);
    return new Map(rows.map((r) => [r.item_id, toFinding(r)]));
  }
}
