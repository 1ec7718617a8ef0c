import { Injectable } from '@nestjs/common';
import type { Paging } from '../../infra/database/entity-table.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import type { Plan } from './plan.entity.js';

/** One row of `plans` as stored. */
interface PlanRow {
  id: string;
  code: string;
  agency_id: string;
  credit_code: string;
  planned_date: string;
  trigger_type: string;
  kind: string;
  reason: string | null;
  status: string;
  filed_at: Date;
  filed_by: number;
  lead_plan_id: string;
  alone_reason: string | null;
  checked_in_at: Date | null;
  finished_at: Date | null;
  code_due_at: Date | null;
  approval: string | null;
  approval_when: string | null;
  approval_note: string | null;
  mode: string;
  mode_reason: string | null;
  inspection_date: string;
  campaign_id: string | null;
}

const toPlan = (row: PlanRow): Plan => ({
  id: row.id,
  code: row.code,
  agencyId: row.agency_id,
  creditCode: row.credit_code,
  plannedDate: row.planned_date,
  trigger: row.trigger_type,
  kind: row.kind ?? 'inspection',
  reason: row.reason,
  status: row.status,
  filedAt: new Date(row.filed_at),
  filedBy: Number(row.filed_by),
  leadPlanId: row.lead_plan_id,
  aloneReason: row.alone_reason,
  checkedInAt: row.checked_in_at ? new Date(row.checked_in_at) : null,
  finishedAt: row.finished_at ? new Date(row.finished_at) : null,
  codeDueAt: row.code_due_at ? new Date(row.code_due_at) : null,
  approval: row.approval,
  approvalWhen: row.approval_when,
  approvalNote: row.approval_note,
  mode: row.mode,
  modeReason: row.mode_reason,
  inspectionDate: row.inspection_date,
  campaignId: row.campaign_id ?? null,
});

/** A plan as filed: it inspects alone on its own date until regrouping says otherwise. */
export interface NewPlan {
  id: string;
  code: string;
  agencyId: string;
  creditCode: string;
  plannedDate: string;
  trigger: string;
  /** inspection by default; a visit kind otherwise. */
  kind?: string;
  reason: string | null;
  filedAt: Date;
  filedBy: number;
  officerIds: string[];
  itemIds: string[];
  /** Where the agency requires approval: prior (the plan waits, status `awaiting`) or after (an emergency). */
  approvalWhen?: 'prior' | 'after' | null;
  /** onsite unless given. */
  mode?: 'onsite' | 'offsite';
  modeReason?: string | null;
  /** The special campaign (专项检查) it is filed under. */
  campaignId?: string | null;
}

/** A member (officer or item) of a plan, in the plan's order. */
export interface PlanMember {
  planId: string;
  memberId: string;
}

/** An active plan of an inspection whose code is issued: such an inspection takes no new members. */
export interface CodedPlan {
  leadPlanId: string;
  inspectionDate: string;
  agencyId: string;
}

/** Every statement on `plans`, `plan_officers` and `plan_items` outside the on-site workflow. */
@Injectable()
export class PlanRepository extends BaseRepository {
  async byId(id: string, tx?: Tx): Promise<Plan | null> {
    const [row]: PlanRow[] = await this.db(tx).query('SELECT * FROM plans WHERE id = ?', [id]);
    return row ? toPlan(row) : null;
  }

  async creditCodeOf(id: string, tx?: Tx): Promise<string | null> {
    const [row]: { credit_code: string }[] = await this.db(tx).query('SELECT credit_code FROM plans WHERE id = ?', [id]);
    return row?.credit_code ?? null;
  }

  /**
   * Stores a new plan leading an inspection of its own, with its officers and items in order: active, or
   * awaiting its head's prior approval (an emergency approved afterwards is active at once).
   */
  async insert(plan: NewPlan, tx: Tx): Promise<void> {
    const when = plan.approvalWhen ?? null;
    await tx.query(
      `INSERT INTO plans (id, code, agency_id, credit_code, planned_date, trigger_type, kind, reason, status, filed_at, filed_by, lead_plan_id, inspection_date, approval, approval_when, mode, mode_reason, campaign_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        plan.id, plan.code, plan.agencyId, plan.creditCode, plan.plannedDate, plan.trigger, plan.kind ?? 'inspection', plan.reason, when === 'prior' ? 'awaiting' : 'active',
        plan.filedAt, plan.filedBy, plan.id, plan.plannedDate, when ? 'pending' : null, when, plan.mode ?? 'onsite', plan.modeReason ?? null, plan.campaignId ?? null,
      ],
    );
    await tx.query('INSERT INTO plan_officers (plan_id, officer_id, position) VALUES ?', [plan.officerIds.map((officerId, i) => [plan.id, officerId, i])]);
    // A visit has no items.
    if (plan.itemIds.length) await tx.query('INSERT INTO plan_items (plan_id, item_id, position) VALUES ?', [plan.itemIds.map((itemId, i) => [plan.id, itemId, i])]);
  }

  /** Plan codes (计划编码) are unique. */
  async byCode(code: string, tx?: Tx): Promise<Plan | null> {
    const [row]: PlanRow[] = await this.db(tx).query('SELECT * FROM plans WHERE code = ?', [code]);
    return row ? toPlan(row) : null;
  }

  /** The enterprise's active visits (plans of a visit kind), newest first. */
  async visitsOfEnterprise(creditCode: string, limit: number): Promise<Plan[]> {
    const rows: PlanRow[] = await this.db().query(
      "SELECT * FROM plans WHERE credit_code = ? AND status = 'active' AND kind <> 'inspection' ORDER BY inspection_date DESC, filed_at DESC, id LIMIT ?",
      [creditCode, limit]);
    return rows.map(toPlan);
  }

  /** The enterprise's visits made (scanned in) since an instant, per kind. */
  async visitCountsOfEnterprise(creditCode: string, since: Date): Promise<{ kind: string; count: number }[]> {
    const rows: { kind: string; n: string }[] = await this.db().query(
      "SELECT kind, COUNT(*) AS n FROM plans WHERE credit_code = ? AND status = 'active' AND kind <> 'inspection' AND checked_in_at >= ? GROUP BY kind",
      [creditCode, since]);
    return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
  }

  /** Visits made (scanned in) since an instant, per agency, month of the scan-in (Asia/Shanghai, YYYY-MM) and kind. */
  async visitsByAgencyMonth(since: Date, agencyId: string | null): Promise<{ agencyId: string; month: string; kind: string; count: number }[]> {
    const rows: { agency_id: string; month: string; kind: string; n: string }[] = await this.db().query(
      `SELECT agency_id, DATE_FORMAT(DATE_ADD(checked_in_at, INTERVAL 8 HOUR), '%Y-%m') AS month, kind, COUNT(*) AS n
       FROM plans WHERE kind IN ('return-visit', 'policy-visit', 'research-visit') AND checked_in_at >= ? AND status = 'active'${agencyId ? ' AND agency_id = ?' : ''}
       GROUP BY agency_id, month, kind`,
      agencyId ? [since, agencyId] : [since]);
    return rows.map((r) => ({ agencyId: r.agency_id, month: r.month, kind: r.kind, count: Number(r.n) }));
  }

  /**
   * Plans in hand, newest inspection date first — active, awaiting approval, or returned and not yet
   * past their date (so the officer reads why) — one agency's, or every agency's.
   */
  async activePage(agencyId: string | null, paging: Paging, today: string): Promise<{ rows: Plan[]; total: number }> {
    const inHand = "(status IN ('active', 'awaiting') OR (status = 'returned' AND planned_date >= ?))";
    const where = agencyId ? `WHERE ${inHand} AND agency_id = ?` : `WHERE ${inHand}`;
    const params = agencyId ? [today, agencyId] : [today];
    const [{ total }]: { total: string }[] = await this.db().query(`SELECT COUNT(*) AS total FROM plans ${where}`, params);
    const rows: PlanRow[] = await this.db().query(`SELECT * FROM plans ${where} ORDER BY inspection_date DESC, filed_at DESC, id LIMIT ? OFFSET ?`, [
      ...params, paging.pageSize, (paging.page - 1) * paging.pageSize,
    ]);
    return { rows: rows.map(toPlan), total: Number(total) };
  }

  /** The active plans of these inspections (by lead plan): each inspection's lead first, then in filing order. */
  async activeMembersOf(leadPlanIds: string[], tx?: Tx): Promise<Plan[]> {
    if (!leadPlanIds.length) return [];
    const rows: PlanRow[] = await this.db(tx).query(
      "SELECT * FROM plans WHERE lead_plan_id IN (?) AND status = 'active' ORDER BY id = lead_plan_id DESC, filed_at, id",
      [[...new Set(leadPlanIds)]],
    );
    return rows.map(toPlan);
  }

  /**
   * Active plans whose inspection falls on a day in [from, to] (YYYY-MM-DD): of one enterprise, or all.
   * Visits only: an off-site check brings nobody to the door, so it is never announced as one.
   */
  async activeOnDays(from: string, to: string, creditCode: string | null, tx?: Tx): Promise<Plan[]> {
    const rows: PlanRow[] = await this.db(tx).query(
      `SELECT * FROM plans WHERE status = 'active' AND mode = 'onsite' AND inspection_date BETWEEN ? AND ?${creditCode ? ' AND credit_code = ?' : ''}
       ORDER BY inspection_date, lead_plan_id, id = lead_plan_id DESC, filed_at, id`,
      creditCode ? [from, to, creditCode] : [from, to],
    );
    return rows.map(toPlan);
  }

  /** The plans' officers, each plan's in its order. */
  async officersOf(planIds: string[], tx?: Tx): Promise<PlanMember[]> {
    if (!planIds.length) return [];
    const rows: { plan_id: string; officer_id: string }[] = await this.db(tx).query(
      'SELECT plan_id, officer_id FROM plan_officers WHERE plan_id IN (?) ORDER BY plan_id, position', [planIds]);
    return rows.map((r) => ({ planId: r.plan_id, memberId: r.officer_id }));
  }

  /** The plans' items, each plan's in its order. */
  async itemsOf(planIds: string[], tx?: Tx): Promise<PlanMember[]> {
    if (!planIds.length) return [];
    const rows: { plan_id: string; item_id: string }[] = await this.db(tx).query(
      'SELECT plan_id, item_id FROM plan_items WHERE plan_id IN (?) ORDER BY plan_id, position', [planIds]);
    return rows.map((r) => ({ planId: r.plan_id, memberId: r.item_id }));
  }

  async setPlannedDate(id: string, date: string, tx: Tx): Promise<void> {
    await tx.query('UPDATE plans SET planned_date = ? WHERE id = ?', [date, id]);
  }

  /** The head's decision: the approval's state and reasons, and the plan's status where it changes (prior approval). */
  async setApproval(id: string, decision: { approval: 'approved' | 'returned'; note: string | null; status: string }, tx: Tx): Promise<void> {
    await tx.query('UPDATE plans SET approval = ?, approval_note = ?, status = ? WHERE id = ?', [decision.approval, decision.note, decision.status, id]);
  }

  /**
   * One page of the approval queue: plans (not cancelled) whose approval is in `approval`, of one agency
   * or all, oldest filing first while pending, newest first once decided.
   */
  async approvalPage(agencyId: string | null, approval: string, paging: Paging): Promise<{ rows: Plan[]; total: number }> {
    const where = `WHERE approval = ? AND status <> 'cancelled'${agencyId ? ' AND agency_id = ?' : ''}`;
    const params = agencyId ? [approval, agencyId] : [approval];
    const [{ total }]: { total: string }[] = await this.db().query(`SELECT COUNT(*) AS total FROM plans ${where}`, params);
    const rows: PlanRow[] = await this.db().query(`SELECT * FROM plans ${where} ORDER BY filed_at ${approval === 'pending' ? 'ASC' : 'DESC'}, id LIMIT ? OFFSET ?`, [
      ...params, paging.pageSize, (paging.page - 1) * paging.pageSize,
    ]);
    return { rows: rows.map(toPlan), total: Number(total) };
  }

  async cancel(id: string, tx: Tx): Promise<void> {
    await tx.query("UPDATE plans SET status = 'cancelled' WHERE id = ?", [id]);
  }

  /** Places a plan in the inspection led by `leadPlanId`, held on `inspectionDate`. */
  async setGrouping(id: string, leadPlanId: string, inspectionDate: string, tx: Tx): Promise<void> {
    await tx.query('UPDATE plans SET lead_plan_id = ?, inspection_date = ? WHERE id = ?', [leadPlanId, inspectionDate, id]);
  }

  /** An off-site check turned into a visit: on site from now on, on its (new) date, with the reason. */
  async convertToOnsite(id: string, date: string, reason: string, tx: Tx): Promise<void> {
    await tx.query("UPDATE plans SET mode = 'onsite', mode_reason = ?, planned_date = ?, inspection_date = ? WHERE id = ? AND mode = 'offsite'", [reason, date, date, id]);
  }

  /** Why the inspection's active plans go without the other agencies of a joint-supervision scenario. */
  async setAloneReason(leadPlanId: string, reason: string, tx: Tx): Promise<void> {
    await tx.query("UPDATE plans SET alone_reason = ? WHERE lead_plan_id = ? AND status = 'active'", [reason, leadPlanId]);
  }

  /**
   * The enterprise's active plans that may still regroup: dated `since` or later, in inspections whose
   * code is not issued (an issued code fixes its inspection's grouping).
   */
  async regroupable(creditCode: string, since: string, tx: Tx): Promise<Plan[]> {
    const rows: PlanRow[] = await tx.query(
      `SELECT * FROM plans
       WHERE credit_code = ? AND status = 'active' AND planned_date >= ? AND mode = 'onsite'
         AND lead_plan_id NOT IN (SELECT lead_plan_id FROM inspection_codes WHERE revoked_at IS NULL)`,
      [creditCode, since],
    );
    return rows.map(toPlan);
  }

  /** The enterprise's active plans in inspections whose code is issued, by inspection and in filing order. */
  async codedOf(creditCode: string, tx: Tx): Promise<CodedPlan[]> {
    const rows: { lead_plan_id: string; inspection_date: string; agency_id: string }[] = await tx.query(
      `SELECT p.lead_plan_id, p.inspection_date, p.agency_id FROM plans p
       JOIN inspection_codes c ON c.lead_plan_id = p.lead_plan_id AND c.revoked_at IS NULL
       WHERE p.credit_code = ? AND p.status = 'active' AND p.kind = 'inspection' AND p.mode = 'onsite'
       ORDER BY p.lead_plan_id, p.filed_at`,
      [creditCode],
    );
    return rows.map((r) => ({ leadPlanId: r.lead_plan_id, inspectionDate: r.inspection_date, agencyId: r.agency_id }));
  }

  /** The dates of an agency's active planned-trigger plans of the enterprise between two dates, one plan excepted. */
  async plannedDates(agencyId: string, creditCode: string, from: string, to: string, exceptPlanId: string | null, tx?: Tx): Promise<string[]> {
    const rows: { planned_date: string }[] = await this.db(tx).query(
      "SELECT planned_date FROM plans WHERE agency_id = ? AND credit_code = ? AND status = 'active' AND trigger_type = 'planned' AND kind = 'inspection' AND planned_date BETWEEN ? AND ? AND id <> ?",
      [agencyId, creditCode, from, to, exceptPlanId ?? ''],
    );
    return rows.map((r) => r.planned_date);
  }

  /**
   * Plans under way: active, checked in within [from, to) and not finished, counted per agency (of one
   * agency, or all), most first.
   */
  async inProgressByAgency(from: Date, to: Date, agencyId: string | null): Promise<{ agencyId: string; count: number }[]> {
    const rows: { agency_id: string; n: number }[] = await this.dataSource.query(
      `SELECT agency_id, COUNT(*) AS n FROM plans WHERE status = 'active' AND kind = 'inspection' AND checked_in_at >= ? AND checked_in_at < ? AND finished_at IS NULL${agencyId ? ' AND agency_id = ?' : ''}
       GROUP BY agency_id ORDER BY n DESC, agency_id`,
      agencyId ? [from, to, agencyId] : [from, to],
    );
    return rows.map((r) => ({ agencyId: r.agency_id, count: Number(r.n) }));
  }

  /** Per special campaign: its plans in hand (active or awaiting approval) and those finished by their agency. */
  async campaignProgress(campaignIds: string[]): Promise<{ campaignId: string; filed: number; finished: number }[]> {
    if (!campaignIds.length) return [];
    const rows: { campaign_id: string; filed: number | string; finished: number | string }[] = await this.dataSource.query(
      `SELECT campaign_id, COUNT(*) AS filed, SUM(CASE WHEN finished_at IS NULL THEN 0 ELSE 1 END) AS finished
       FROM plans WHERE campaign_id IN (?) AND status IN ('active', 'awaiting') GROUP BY campaign_id`,
      [campaignIds],
    );
    const byId = new Map(rows.map((r) => [r.campaign_id, r]));
    return campaignIds.map((campaignId) => ({ campaignId, filed: Number(byId.get(campaignId)?.filed ?? 0), finished: Number(byId.get(campaignId)?.finished ?? 0) }));
  }
}
