import { Injectable } from '@nestjs/common';
import type { PlanTrigger } from '@mashang/shared';
import type { Statement } from '../../infra/database/multi-statement-pool.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A plan as the on-site workflow follows it: who, where, when, and how far it has got. */
export interface PlanProgress {
  id: string;
  code: string;
  agencyId: string;
  creditCode: string;
  trigger: PlanTrigger;
  /** inspection, or a visit kind (回访、服务走访). */
  kind: string;
  /** active | cancelled */
  status: string;
  leadPlanId: string;
  inspectionDate: string;
  filedAt: Date;
  checkedInAt: Date | null;
  finishedAt: Date | null;
  codeDueAt: Date | null;
}

/**
 * A row of the check-in match read: an active plan of a scanned enterprise, once per officer asked
 * about who is on it (`officer_id`, or null), once per live code of its inspection (`expires_at`, or
 * null); `trail_tail` is present when the read was asked for it.
 */
export interface PlanMatchRow {
  id: string;
  code: string;
  credit_code: string;
  agency_id: string;
  lead_plan_id: string;
  inspection_date: string;
  trigger_type: PlanTrigger;
  kind: string;
  filed_at: Date;
  finished_at: Date | null;
  checked_in_at: Date | null;
  code_due_at: Date | null;
  officer_id: string | null;
  expires_at: Date | null;
  trail_tail?: string | null;
}

/** Which check-ins a match read is for: the officers, the scanned enterprises, the first and last day of the window. */
export interface PlanMatchQuery {
  officerIds: string[];
  creditCodes: string[];
  from: string;
  to: string;
}

/** The first arrival at a plan, and the late-code deadline it opens (null for none). */
export interface PlanArrival {
  planId: string;
  at: Date;
  codeDueAt: Date | null;
}

interface PlanRow {
  id: string;
  code: string;
  agency_id: string;
  credit_code: string;
  trigger_type: PlanTrigger;
  kind: string;
  status: string;
  lead_plan_id: string;
  inspection_date: string;
  filed_at: Date;
  checked_in_at: Date | null;
  finished_at: Date | null;
  code_due_at: Date | null;
}

const PLAN_COLUMNS = 'id, code, agency_id, credit_code, trigger_type, kind, status, lead_plan_id, inspection_date, filed_at, checked_in_at, finished_at, code_due_at';
const instant = (value: Date | string | null) => (value === null ? null : new Date(value));
const progressOf = (r: PlanRow): PlanProgress => ({
  id: r.id, code: r.code, agencyId: r.agency_id, creditCode: r.credit_code, trigger: r.trigger_type, kind: r.kind, status: r.status, leadPlanId: r.lead_plan_id,
  inspectionDate: r.inspection_date, filedAt: new Date(r.filed_at), checkedInAt: instant(r.checked_in_at), finishedAt: instant(r.finished_at), codeDueAt: instant(r.code_due_at),
});

/**
 * The plans' statements of the work on site: matching a check-in, marking arrival and finish, the
 * officers and items of a plan, the members and code of an inspection, and the plans of an officer's day.
 */
@Injectable()
export class PlanProgressRepository extends BaseRepository {
  /**
   * The check-ins' one read, for every check-in of a batch at once: the scanned enterprises' active
   * plans within the window, each with its inspection's live code, once per officer of the batch on it
   * (or once with none); an off-site check is never checked into. `trailTail`: a column expression of `p.id` giving the tail of the plan's trail
   * (e.g. `TrailRepository.tailExpression('p.id')`), for a caller that chains entries onto it.
   */
  checkInMatchStatement(query: PlanMatchQuery, trailTail?: string): Statement {
    return [
      `SELECT p.id, p.code, p.credit_code, p.agency_id, p.lead_plan_id, p.inspection_date, p.trigger_type, p.kind,
          p.filed_at, p.finished_at, p.checked_in_at, p.code_due_at, o.officer_id, c.expires_at${trailTail ? `,\n          ${trailTail} AS trail_tail` : ''}
        FROM plans p
          LEFT JOIN plan_officers o ON o.plan_id = p.id AND o.officer_id IN (?)
          LEFT JOIN inspection_codes c ON c.lead_plan_id = p.lead_plan_id AND c.revoked_at IS NULL
        WHERE p.credit_code IN (?) AND p.status = 'active' AND p.mode = 'onsite' AND p.inspection_date BETWEEN ? AND ?`,
      [query.officerIds, query.creditCodes, query.from, query.to],
    ];
  }

  /** The same read on its own. */
  checkInMatch(query: PlanMatchQuery, tx?: Tx): Promise<PlanMatchRow[]> {
    const [sql, values] = this.checkInMatchStatement(query);
    return this.db(tx).query(sql, values);
  }

  /**
   * Marks the first arrival at plans (one per plan) and the late-code deadlines they open, as one
   * statement of a caller's script; a plan already marked keeps its marks. Null for no plans.
   */
  markArrivalsStatement(arrivals: PlanArrival[]): Statement | null {
    if (!arrivals.length) return null;
    const sorted = [...arrivals].sort((a, b) => (a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0));
    const whens = sorted.map(() => 'WHEN ? THEN ?').join(' ');
    const values = (pick: (a: PlanArrival) => Date | null) => sorted.flatMap((a) => [a.planId, pick(a)]);
    return [
      `UPDATE plans SET checked_in_at = COALESCE(checked_in_at, CASE id ${whens} END), code_due_at = COALESCE(code_due_at, CASE id ${whens} END) WHERE id IN (?)`,
      [...values((a) => a.at), ...values((a) => a.codeDueAt), sorted.map((a) => a.planId)],
    ];
  }

  /** Marks one arrival on a plan still active and open; false when it is not (cancelled, finished or gone). */
  async markArrival(arrival: PlanArrival, tx: Tx): Promise<boolean> {
    const updated: { affectedRows: number } = await tx.query(
      "UPDATE plans SET checked_in_at = COALESCE(checked_in_at, ?), code_due_at = COALESCE(code_due_at, ?) WHERE id = ? AND status = 'active' AND finished_at IS NULL",
      [arrival.at, arrival.codeDueAt, arrival.planId]);
    return updated.affectedRows === 1;
  }

  async markFinished(planId: string, at: Date, tx: Tx): Promise<void> {
    await tx.query('UPDATE plans SET finished_at = ? WHERE id = ?', [at, planId]);
  }

  async find(planId: string, tx?: Tx): Promise<PlanProgress | null> {
    const [row]: PlanRow[] = await this.db(tx).query(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = ?`, [planId]);
    return row ? progressOf(row) : null;
  }

  /** The plan, its row locked for the caller's transaction. */
  async lock(planId: string, tx: Tx): Promise<PlanProgress | null> {
    const [row]: PlanRow[] = await tx.query(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = ? FOR UPDATE`, [planId]);
    return row ? progressOf(row) : null;
  }

  /** The active plans of an inspection, their rows locked, by id. */
  async lockActiveMembers(leadPlanId: string, tx: Tx): Promise<PlanProgress[]> {
    const rows: PlanRow[] = await tx.query(`SELECT ${PLAN_COLUMNS} FROM plans WHERE lead_plan_id = ? AND status = 'active' ORDER BY id FOR UPDATE`, [leadPlanId]);
    return rows.map(progressOf);
  }

  async agencyOf(planId: string, tx?: Tx): Promise<string | null> {
    const [row]: { agency_id: string }[] = await this.db(tx).query('SELECT agency_id FROM plans WHERE id = ?', [planId]);
    return row?.agency_id ?? null;
  }

  async hasOfficer(planId: string, officerId: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT 1 AS x FROM plan_officers WHERE plan_id = ? AND officer_id = ?', [planId, officerId]);
    return rows.length > 0;
  }

  async hasItem(planId: string, itemId: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT 1 AS x FROM plan_items WHERE plan_id = ? AND item_id = ?', [planId, itemId]);
    return rows.length > 0;
  }

  /** The agencies of an inspection's other active plans. */
  async otherActiveAgencies(leadPlanId: string, exceptPlanId: string, tx?: Tx): Promise<string[]> {
    const rows: { agency_id: string }[] = await this.db(tx).query(
      "SELECT agency_id FROM plans WHERE lead_plan_id = ? AND status = 'active' AND id <> ?", [leadPlanId, exceptPlanId]);
    return rows.map((r) => r.agency_id);
  }

  /** Every plan of an inspection with its agency: the lead first, then by filing. */
  async membersOf(leadPlanId: string, tx?: Tx): Promise<{ id: string; agencyId: string }[]> {
    const rows: { id: string; agency_id: string }[] = await this.db(tx).query(
      'SELECT id, agency_id FROM plans WHERE lead_plan_id = ? ORDER BY id = lead_plan_id DESC, filed_at, id', [leadPlanId]);
    return rows.map((r) => ({ id: r.id, agencyId: r.agency_id }));
  }

  /** The active plans of an inspection, the lead first, then by filing (the order its agencies are listed in). */
  async activeMembers(leadPlanId: string, tx?: Tx): Promise<PlanProgress[]> {
    const rows: PlanRow[] = await this.db(tx).query(
      `SELECT ${PLAN_COLUMNS} FROM plans WHERE lead_plan_id = ? AND status = 'active' ORDER BY id = lead_plan_id DESC, filed_at, id`, [leadPlanId]);
    return rows.map(progressOf);
  }

  /** The agency of each of these plans. */
  async agenciesOf(planIds: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!planIds.length) return new Map();
    const rows: { id: string; agency_id: string }[] = await this.db(tx).query('SELECT id, agency_id FROM plans WHERE id IN (?)', [[...new Set(planIds)]]);
    return new Map(rows.map((r) => [r.id, r.agency_id]));
  }

  /** The officer's own active plan in an inspection (joint inspections: the officer's agency's part), or null. */
  async officerPlanIn(leadPlanId: string, officerId: string, tx?: Tx): Promise<PlanProgress | null> {
    const [row]: PlanRow[] = await this.db(tx).query(
      `SELECT p.id, p.code, p.agency_id, p.credit_code, p.trigger_type, p.status, p.lead_plan_id, p.inspection_date, p.filed_at, p.checked_in_at, p.finished_at, p.code_due_at
       FROM plans p JOIN plan_officers o ON o.plan_id = p.id AND o.officer_id = ?
       WHERE p.lead_plan_id = ? AND p.status = 'active' ORDER BY p.id LIMIT 1`,
      [officerId, leadPlanId]);
    return row ? progressOf(row) : null;
  }

  /** An officer's active plans of one day in their agency, by filing. */
  async officerPlansOfDay(officerId: string, agencyId: string, day: string, tx?: Tx): Promise<PlanProgress[]> {
    // Visits only: an off-site check is answered from the enterprise's phone, not scanned into.
    const rows: PlanRow[] = await this.db(tx).query(
      `SELECT p.id, p.code, p.agency_id, p.credit_code, p.trigger_type, p.kind, p.status, p.lead_plan_id, p.inspection_date, p.filed_at, p.checked_in_at, p.finished_at, p.code_due_at
       FROM plans p JOIN plan_officers o ON o.plan_id = p.id AND o.officer_id = ?
       WHERE p.agency_id = ? AND p.status = 'active' AND p.mode = 'onsite' AND p.inspection_date = ? ORDER BY p.filed_at, p.id`,
      [officerId, agencyId, day]);
    return rows.map(progressOf);
  }
}
