import { Injectable } from '@nestjs/common';
import type { FindingOutcome } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import { insertedOnce } from './client-key.js';

/** The result of one item as recorded; a later one for the same item supersedes it. */
export interface RecordedFinding {
  itemId: string;
  outcome: FindingOutcome;
  rectifyBy: string | null;
  note: string | null;
  at: Date;
}

interface FindingRow {
  item_id: string;
  outcome: FindingOutcome;
  rectify_by: string | null;
  note: string | null;
  at: Date;
}

/** Every statement on `findings`. */
@Injectable()
export class FindingRepository extends BaseRepository {
  /** Records one finding; false when its idempotency key is recorded already. */
  insertOnce(planId: string, finding: RecordedFinding & { recordedBy: number; clientKey: string }, tx: Tx): Promise<boolean> {
    return insertedOnce(() => tx.query(
      'INSERT INTO findings (plan_id, item_id, outcome, rectify_by, note, recorded_by, at, client_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [planId, finding.itemId, finding.outcome, finding.rectifyBy, finding.note, finding.recordedBy, finding.at, finding.clientKey]));
  }

  async hasKey(userId: number, clientKey: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT 1 AS x FROM findings WHERE recorded_by = ? AND client_key = ?', [userId, clientKey]);
    return rows.length > 0;
  }

  /** The plan's latest finding per item, in the order the items were first recorded. */
  async latestOf(planId: string, tx?: Tx): Promise<Map<string, RecordedFinding>> {
    const rows: FindingRow[] = await this.db(tx).query('SELECT item_id, outcome, rectify_by, note, at FROM findings WHERE plan_id = ? ORDER BY id', [planId]);
    return new Map(rows.map((r) => [r.item_id, { itemId: r.item_id, outcome: r.outcome, rectifyBy: r.rectify_by, note: r.note, at: new Date(r.at) }]));
  }
}
