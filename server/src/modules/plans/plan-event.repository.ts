import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import type { PlanEventKind } from './plan-event.entity.js';

/** One entry of a plan's history; a refused attempt names no plan. */
export interface PlanEventEntry {
  planId: string | null;
  agencyId: string;
  creditCode: string;
  kind: PlanEventKind;
  actor: string;
  detail: Record<string, unknown>;
  at: Date;
}

/** Every statement on `plan_events`, the append-only history of plans. */
@Injectable()
export class PlanEventRepository extends BaseRepository {
  async append(event: PlanEventEntry, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO plan_events (plan_id, agency_id, credit_code, kind, actor, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      event.planId, event.agencyId, event.creditCode, event.kind, event.actor, JSON.stringify(event.detail), event.at,
    ]);
  }

  /** A plan's history, oldest first. */
  async ofPlan(planId: string, tx?: Tx): Promise<Pick<PlanEventEntry, 'kind' | 'actor' | 'detail' | 'at'>[]> {
    const rows: { kind: PlanEventKind; actor: string; at: Date; detail: string }[] = await this.db(tx).query(
      'SELECT kind, actor, at, detail FROM plan_events WHERE plan_id = ? ORDER BY id', [planId]);
    return rows.map((row) => ({ kind: row.kind, actor: row.actor, at: new Date(row.at), detail: JSON.parse(row.detail) }));
  }
}
