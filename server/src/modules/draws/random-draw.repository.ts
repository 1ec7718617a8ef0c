import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

export interface StoredDraw {
  id: string;
  agencyId: string;
  name: string;
  scope: { itemIds: string[]; industries: string[]; regionPrefixes: string[] };
  periodFrom: string;
  periodTo: string;
  status: 'committed' | 'drawn';
  nonce: string;
  commitment: string;
  inputs: string;
  publicEntropy: string | null;
  seed: string | null;
  result: string | null;
  committedAt: Date;
  drawnAt: Date | null;
  createdBy: string;
}

const COLUMNS = 'id, agency_id, name, scope, period_from, period_to, status, nonce, commitment, inputs, public_entropy, seed, result, committed_at, drawn_at, created_by';
const SUMMARY = 'id, agency_id, name, scope, period_from, period_to, status, nonce, commitment, NULL AS inputs, public_entropy, seed, NULL AS result, committed_at, drawn_at, created_by';

function toDraw(r: Record<string, any>): StoredDraw {
  return {
    id: r.id, agencyId: r.agency_id, name: r.name, scope: JSON.parse(r.scope), periodFrom: r.period_from, periodTo: r.period_to, status: r.status,
    nonce: r.nonce, commitment: r.commitment, inputs: r.inputs, publicEntropy: r.public_entropy, seed: r.seed, result: r.result,
    committedAt: new Date(r.committed_at), drawnAt: r.drawn_at ? new Date(r.drawn_at) : null, createdBy: r.created_by,
  };
}

/** Every statement on `random_draws`, `random_draw_plans` and `draw_conflicts`. */
@Injectable()
export class RandomDrawRepository extends BaseRepository {
  async insert(d: Omit<StoredDraw, 'publicEntropy' | 'seed' | 'result' | 'drawnAt' | 'status'>, tx?: Tx): Promise<void> {
    await this.db(tx).query(
      `INSERT INTO random_draws (id, agency_id, name, scope, period_from, period_to, status, nonce, commitment, inputs, committed_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, 'committed', ?, ?, ?, ?, ?)`,
      [d.id, d.agencyId, d.name, JSON.stringify(d.scope), d.periodFrom, d.periodTo, d.nonce, d.commitment, d.inputs, d.committedAt, d.createdBy],
    );
  }

  async find(id: string, tx?: Tx): Promise<StoredDraw | null> {
    const [row] = await this.db(tx).query(`SELECT ${COLUMNS} FROM random_draws WHERE id = ?`, [id]);
    return row ? toDraw(row) : null;
  }

  async lock(id: string, tx: Tx): Promise<StoredDraw | null> {
    const [row] = await tx.query(`SELECT ${COLUMNS} FROM random_draws WHERE id = ? FOR UPDATE`, [id]);
    return row ? toDraw(row) : null;
  }

  async recordDraw(id: string, draw: { publicEntropy: string; seed: string; result: string; at: Date }, tx: Tx): Promise<void> {
    await tx.query("UPDATE random_draws SET status = 'drawn', public_entropy = ?, seed = ?, result = ?, drawn_at = ? WHERE id = ?",
      [draw.publicEntropy, draw.seed, draw.result, draw.at, id]);
  }

  /** Draws newest first (without their inputs and results); an agency's own when given. */
  async list(agencyId: string | null, limit: number): Promise<StoredDraw[]> {
    const rows = await this.dataSource.query(
      `SELECT ${SUMMARY} FROM random_draws${agencyId ? ' WHERE agency_id = ?' : ''} ORDER BY committed_at DESC, id LIMIT ?`, agencyId ? [agencyId, limit] : [limit]);
    return rows.map(toDraw);
  }

  async insertPlans(drawId: string, outcomes: { creditCode: string; planId: string | null; refusal: string | null }[], tx: Tx): Promise<void> {
    if (!outcomes.length) return;
    await tx.query('INSERT INTO random_draw_plans (draw_id, credit_code, plan_id, refusal) VALUES ?', [outcomes.map((o) => [drawId, o.creditCode, o.planId, o.refusal])]);
  }

  async plansOf(drawId: string, tx?: Tx): Promise<{ creditCode: string; planId: string | null; refusal: string | null }[]> {
    const rows: { credit_code: string; plan_id: string | null; refusal: string | null }[] = await this.db(tx).query(
      'SELECT credit_code, plan_id, refusal FROM random_draw_plans WHERE draw_id = ? ORDER BY credit_code', [drawId]);
    return rows.map((r) => ({ creditCode: r.credit_code, planId: r.plan_id, refusal: r.refusal }));
  }

  async declareConflict(c: { officerId: string; creditCode: string; reason: string; at: Date; by: string }, tx?: Tx): Promise<void> {
    await this.db(tx).query(
      'INSERT INTO draw_conflicts (officer_id, credit_code, reason, declared_at, declared_by) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE reason = VALUES(reason), declared_at = VALUES(declared_at), declared_by = VALUES(declared_by)',
      [c.officerId, c.creditCode, c.reason, c.at, c.by]);
  }

  async conflictsOf(officerIds: string[], tx?: Tx): Promise<{ officerId: string; creditCode: string }[]> {
    if (!officerIds.length) return [];
    const rows: { officer_id: string; credit_code: string }[] = await this.db(tx).query(
      'SELECT officer_id, credit_code FROM draw_conflicts WHERE officer_id IN (?)', [officerIds]);
    return rows.map((r) => ({ officerId: r.officer_id, creditCode: r.credit_code }));
  }
}
