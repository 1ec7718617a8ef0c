import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, ErrorCode, shanghaiDate, type CreditGrade, type HalfYearRecord, type Page, type PlanEventView, type PlanTrigger, type PlanView, type RuleRefusal, type SessionUser } from '@mashang/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound } from '../../infra/errors/domain-error.js';
import { agencyScope } from '../auth/scope.js';
import type { FilePlanDto } from './dto/file-plan.dto.js';
import type { TrailKind } from '@mashang/shared';
import { TrailRepository } from '../trail/index.js';
import { filingRefusals } from './plan-filing.js';
import { lockingInspection, mergePlans, MERGE_WINDOW_DAYS, type MergeCandidate, type MergedInspection } from './plan-merging.js';
import type { FilingRefusal } from './plan-filing.js';

/** Plan events that are also steps of the inspection's trail (refused attempts never became an inspection). */
const TRAIL_KINDS = new Set(['filed', 'merged', 'moved', 'cancelled']);
const actorOf = (user: SessionUser) => `user:${user.id}:${user.username}`;

interface PlanRow {
  id: string;
  code: string;
  agency_id: string;
  credit_code: string;
  planned_date: string;
  trigger_type: PlanTrigger;
  reason: string | null;
  status: string;
  filed_at: Date;
  lead_plan_id: string;
  inspection_date: string;
}

@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  /**
   * Files a plan: checks it against the filing rules, stores it and regroups the enterprise's plans
   * into (joint) inspections. The enterprise row is locked for the transaction, so filings for one
   * enterprise run one after another and two agencies filing at once end in one joint inspection.
   * A refused attempt is recorded, then answered with 422 naming each rule.
   */
  async file(user: SessionUser, input: FilePlanDto, now = new Date()): Promise<PlanView> {
    const agencyId = agencyScope(user);
    if (!agencyId) throw forbidden('只有执法部门的人员可以报备检查计划');
    const today = shanghaiDate(now);
    const outcome = await this.serialised(input.creditCode, async (manager) => {
      await this.checkMembers(manager, agencyId, input);
      const refusals = await this.refusalsFor(manager, agencyId, input, today, null);
      if (refusals.length) {
        await this.appendEvent(manager, null, agencyId, input.creditCode, 'refused', user, { date: input.date, trigger: input.trigger, refusals }, now);
        return { refusals, id: null };
      }
      const id = randomUUID();
      await manager.query(
        `INSERT INTO plans (id, code, agency_id, credit_code, planned_date, trigger_type, reason, status, filed_at, filed_by, lead_plan_id, inspection_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
        [id, planCode(input.date), agencyId, input.creditCode, input.date, input.trigger, input.reason?.trim() || null, now, user.id, id, input.date],
      );
      await manager.query('INSERT INTO plan_officers (plan_id, officer_id, position) VALUES ?', [input.officerIds.map((officerId, i) => [id, officerId, i])]);
      await manager.query('INSERT INTO plan_items (plan_id, item_id, position) VALUES ?', [input.itemIds.map((itemId, i) => [id, itemId, i])]);
      await this.appendEvent(manager, id, agencyId, input.creditCode, 'filed', user, { date: input.date, trigger: input.trigger, officerIds: input.officerIds, itemIds: input.itemIds }, now);
      await this.regroup(manager, input.creditCode, today, user, now);
      return { refusals: [], id };
    });
    if (!outcome.id) throw refused('不能报备', outcome.refusals);
    return this.get(user, outcome.id);
  }

  /** Moves a plan to another date: the filing rules apply again, and the enterprise's plans regroup. */
  async move(user: SessionUser, id: string, date: string, now = new Date()): Promise<PlanView> {
    const today = shanghaiDate(now);
    const refusals = await this.serialised(await this.creditCodeOf(id), async (manager) => {
      const plan = await this.ownActivePlan(manager, user, id);
      const [coded] = await manager.query('SELECT 1 AS x FROM inspection_codes WHERE lead_plan_id = ? AND revoked_at IS NULL', [plan.lead_plan_id]);
      if (coded) throw new DomainError(ErrorCode.Conflict, '检查码已生成，不能改期；请取消后重新报备');
      if (plan.checked_in_at) throw new DomainError(ErrorCode.Conflict, '已经入企检查，不能改期');
      if (plan.planned_date === date) return [];
      const itemIds = (await manager.query('SELECT item_id FROM plan_items WHERE plan_id = ?', [id])).map((r: { item_id: string }) => r.item_id);
      const subject = { creditCode: plan.credit_code, date, trigger: plan.trigger_type, reason: plan.reason ?? undefined, itemIds };
      const found = await this.refusalsFor(manager, plan.agency_id, subject, today, id);
      if (found.length) {
        await this.appendEvent(manager, id, plan.agency_id, plan.credit_code, 'refused', user, { moveTo: date, refusals: found }, now);
        return found;
      }
      await manager.query('UPDATE plans SET planned_date = ? WHERE id = ?', [date, id]);
      await this.appendEvent(manager, id, plan.agency_id, plan.credit_code, 'moved', user, { from: plan.planned_date, to: date }, now);
      await this.regroup(manager, plan.credit_code, today, user, now);
      return [];
    });
    if (refusals.length) throw refused('不能改期', refusals);
    return this.get(user, id);
  }

  /**
   * Cancels a plan; the rest regroup. A code stays valid for the members still going and is
   * revoked (says "cancelled" when scanned) once none is left.
   */
  async cancel(user: SessionUser, id: string, reason: string, now = new Date()): Promise<PlanView> {
    await this.serialised(await this.creditCodeOf(id), async (manager) => {
      const plan = await this.ownActivePlan(manager, user, id);
      if (plan.checked_in_at) throw new DomainError(ErrorCode.Conflict, '已经入企检查，不能取消计划');
      await manager.query("UPDATE plans SET status = 'cancelled' WHERE id = ?", [id]);
      await this.appendEvent(manager, id, plan.agency_id, plan.credit_code, 'cancelled', user, { reason }, now);
      await manager.query(
        "UPDATE inspection_codes SET revoked_at = ? WHERE lead_plan_id = ? AND revoked_at IS NULL AND NOT EXISTS (SELECT 1 FROM plans WHERE lead_plan_id = ? AND status = 'active')",
        [now, plan.lead_plan_id, plan.lead_plan_id],
      );
      await this.regroup(manager, plan.credit_code, shanghaiDate(now), user, now);
    });
    return this.get(user, id);
  }

  async get(user: SessionUser, id: string): Promise<PlanView> {
    const [plan] = await this.dataSource.query('SELECT * FROM plans WHERE id = ?', [id]);
    if (!plan) throw notFound('检查计划');
    const [view] = await this.views([plan]);
    // An agency sees its own plans and the plans of joint inspections it takes part in.
    const scope = agencyScope(user);
    if (scope && plan.agency_id !== scope && !view.inspection.members.some((m) => m.agencyId === scope)) throw forbidden('不能访问其他部门的数据');
    return view;
  }

  /** Active plans, newest inspection date first: an agency's own (or every agency's for overseers). */
  async list(user: SessionUser, page: number, pageSize: number): Promise<Page<PlanView>> {
    const scope = agencyScope(user);
    const where = scope ? "WHERE status = 'active' AND agency_id = ?" : "WHERE status = 'active'";
    const params = scope ? [scope] : [];
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM plans ${where}`, params);
    const rows: PlanRow[] = await this.dataSource.query(`SELECT * FROM plans ${where} ORDER BY inspection_date DESC, filed_at DESC, id LIMIT ? OFFSET ?`, [
      ...params, pageSize, (page - 1) * pageSize,
    ]);
    return { items: await this.views(rows), total: Number(total), page, pageSize };
  }

  /** Plans as the API shows them, with their officers, items and inspection members: three queries for any number of plans. */
  private async views(plans: PlanRow[]): Promise<PlanView[]> {
    if (!plans.length) return [];
    const ids = plans.map((p) => p.id);
    const [members, officers, items]: [
      { id: string; code: string; agency_id: string; agency_name: string; lead_plan_id: string }[],
      { plan_id: string; officer_id: string }[],
      { plan_id: string; item_id: string }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id, p.code, p.agency_id, a.name AS agency_name, p.lead_plan_id FROM plans p JOIN agencies a ON a.id = p.agency_id
         WHERE p.lead_plan_id IN (?) AND p.status = 'active' ORDER BY p.id = p.lead_plan_id DESC, p.filed_at, p.id`,
        [[...new Set(plans.map((p) => p.lead_plan_id))]],
      ),
      this.dataSource.query('SELECT plan_id, officer_id FROM plan_officers WHERE plan_id IN (?) ORDER BY position', [ids]),
      this.dataSource.query('SELECT plan_id, item_id FROM plan_items WHERE plan_id IN (?) ORDER BY position', [ids]),
    ]);
    return plans.map((plan) => {
      const group = members.filter((m) => m.lead_plan_id === plan.lead_plan_id);
      return {
        id: plan.id,
        code: plan.code,
        agencyId: plan.agency_id,
        creditCode: plan.credit_code,
        plannedDate: plan.planned_date,
        trigger: plan.trigger_type,
        reason: plan.reason,
        status: plan.status,
        filedAt: new Date(plan.filed_at).toISOString(),
        officerIds: officers.filter((o) => o.plan_id === plan.id).map((o) => o.officer_id),
        itemIds: items.filter((i) => i.plan_id === plan.id).map((i) => i.item_id),
        inspection: {
          leadPlanId: plan.lead_plan_id,
          date: plan.inspection_date,
          joint: group.length > 1,
          members: group.map((m) => ({ planId: m.id, planCode: m.code, agencyId: m.agency_id, agencyName: m.agency_name })),
        },
      };
    });
  }

  /** The plan's history, oldest first: filing and every regrouping, with who caused it. */
  async history(user: SessionUser, id: string): Promise<PlanEventView[]> {
    await this.get(user, id);
    const rows: { kind: string; actor: string; at: Date; detail: string }[] = await this.dataSource.query('SELECT kind, actor, at, detail FROM plan_events WHERE plan_id = ? ORDER BY id', [id]);
    return rows.map((row) => ({ kind: row.kind, actor: row.actor, at: new Date(row.at).toISOString(), detail: JSON.parse(row.detail) }));
  }

  /**
   * 首检负责、结果互认: the results of inspections of this enterprise in the last six months by
   * agencies of the same industry as the caller's.
   */
  async halfYearHistory(user: SessionUser, creditCode: string, now = new Date()): Promise<HalfYearRecord[]> {
    const agencyId = agencyScope(user);
    if (!agencyId) throw forbidden('只有执法部门的人员可以查看');
    const since = new Date(now);
    since.setUTCMonth(since.getUTCMonth() - 6);
    const rows: { id: string; agency_id: string; name: string; started_at: Date; result: string }[] = await this.dataSource.query(
      `SELECT i.id, i.agency_id, a.name, i.started_at, i.result FROM inspections i
       JOIN agencies a ON a.id = i.agency_id
       WHERE i.credit_code = ? AND i.started_at >= ? AND i.started_at <= ?
         AND a.kind = (SELECT kind FROM agencies WHERE id = ?)
       ORDER BY i.started_at DESC, i.id LIMIT 200`,
      [creditCode, since, now, agencyId],
    );
    return rows.map((r) => ({ inspectionId: r.id, agencyId: r.agency_id, agencyName: r.name, startedAt: new Date(r.started_at).toISOString(), result: r.result }));
  }

  /**
   * Runs a change to one enterprise's plans with the enterprise row locked first, so filings,
   * moves, cancellations and code issuing for one enterprise run one after another. READ COMMITTED
   * makes every read after the lock see what the previous holder committed (under REPEATABLE READ
   * MySQL fixes the snapshot at the first read, TiDB at BEGIN).
   */
  serialised<T>(creditCode: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const [enterprise] = await manager.query('SELECT credit_code FROM enterprises WHERE credit_code = ? FOR UPDATE', [creditCode]);
      if (!enterprise) throw fieldError('creditCode', '企业不在企业名录中');
      return work(manager);
    });
  }

  private async creditCodeOf(planId: string): Promise<string> {
    const [plan] = await this.dataSource.query('SELECT credit_code FROM plans WHERE id = ?', [planId]);
    if (!plan) throw notFound('检查计划');
    return plan.credit_code;
  }

  /** Every filing rule the plan breaks (run inside `serialised`). */
  private async refusalsFor(
    manager: EntityManager,
    agencyId: string,
    plan: { creditCode: string; date: string; trigger: string; reason?: string; itemIds: string[] },
    today: string,
    movingPlanId: string | null,
  ): Promise<FilingRefusal[]> {
    const [enterprise] = await manager.query('SELECT credit_grade, low_touch FROM enterprises WHERE credit_code = ?', [plan.creditCode]);
    const noDisturb: { name: string }[] = await manager.query('SELECT name FROM items WHERE id IN (?) AND no_disturb = 1 ORDER BY name', [plan.itemIds]);
    const refusals = filingRefusals({
      trigger: plan.trigger as PlanTrigger,
      date: plan.date,
      today,
      reason: plan.reason,
      enterprise: { creditGrade: enterprise.credit_grade as CreditGrade, lowTouch: Boolean(Number(enterprise.low_touch)) },
      noDisturbItems: noDisturb.map((item) => item.name),
      otherPlannedDates: plan.trigger === 'planned' ? await this.plannedDates(manager, agencyId, plan.creditCode, plan.date, movingPlanId) : [],
    });
    const lockOut = await this.lockOut(manager, agencyId, plan);
    if (lockOut) refusals.push(lockOut);
    if (plan.trigger !== 'emergency') {
      const [pending] = await manager.query("SELECT inspection_id FROM review_requests WHERE credit_code = ? AND agency_id = ? AND status = 'pending' LIMIT 1", [plan.creditCode, agencyId]);
      if (pending) {
        refusals.push({
          rule: 'review-pending',
          message: `本部门对该企业检查结果（${pending.inspection_id}）的异议复查申请待司法局决定，期间不得就同一事实重复检查`,
          remedy: '等待复查决定；确属紧急情况的按紧急检查报备',
        });
      }
    }
    return refusals;
  }

  /** A plan of the caller's own agency, still active (run inside `serialised`). */
  private async ownActivePlan(manager: EntityManager, user: SessionUser, id: string) {
    const [plan] = await manager.query('SELECT * FROM plans WHERE id = ?', [id]);
    if (!plan) throw notFound('检查计划');
    if (agencyScope(user) !== plan.agency_id) throw forbidden('只能修改本部门的检查计划');
    if (plan.status !== 'active') throw new DomainError(ErrorCode.Conflict, '该计划已取消');
    return plan as { agency_id: string; credit_code: string; planned_date: string; trigger_type: string; reason: string | null; lead_plan_id: string; checked_in_at: Date | null };
  }

  /** Refuses an agency outside an inspection whose code is issued, within ±7 days of it (emergencies excepted). */
  private async lockOut(manager: EntityManager, agencyId: string, input: { creditCode: string; date: string; trigger: string }): Promise<FilingRefusal | null> {
    const rows: { lead_plan_id: string; inspection_date: string; agency_id: string; agency_name: string }[] = await manager.query(
      `SELECT p.lead_plan_id, p.inspection_date, p.agency_id, a.name AS agency_name FROM plans p
       JOIN inspection_codes c ON c.lead_plan_id = p.lead_plan_id AND c.revoked_at IS NULL
       JOIN agencies a ON a.id = p.agency_id
       WHERE p.credit_code = ? AND p.status = 'active'
       ORDER BY p.lead_plan_id, p.filed_at`,
      [input.creditCode],
    );
    const closed = new Map<string, MergedInspection & { names: string[] }>();
    for (const row of rows) {
      const inspection = closed.get(row.lead_plan_id) ?? { leadPlanId: row.lead_plan_id, leadAgencyId: row.agency_id, date: row.inspection_date, planIds: [], agencyIds: [], names: [] };
      inspection.agencyIds.push(row.agency_id);
      inspection.names.push(row.agency_name);
      closed.set(row.lead_plan_id, inspection);
    }
    const locking = lockingInspection({ agencyId, date: input.date, emergency: input.trigger === 'emergency' }, [...closed.values()]) as (MergedInspection & { names: string[] }) | null;
    if (!locking) return null;
    return {
      rule: 'joint-lock-out',
      message: `该企业 ${locking.date} 已有${locking.agencyIds.length > 1 ? '联合' : ''}检查（${locking.names.join('、')}），检查码已生成；未参加的部门前后${MERGE_WINDOW_DAYS}日内不得另行入企检查`,
      remedy: `选择 ${addDays(locking.date, MERGE_WINDOW_DAYS + 1)} 或之后的日期，或在 ${addDays(locking.date, -MERGE_WINDOW_DAYS - 1)} 之前；确属紧急情况的按紧急检查报备`,
    };
  }

  private async checkMembers(manager: EntityManager, agencyId: string, input: FilePlanDto): Promise<void> {
    const officers: { id: string }[] = await manager.query('SELECT id FROM officers WHERE id IN (?) AND agency_id = ?', [input.officerIds, agencyId]);
    const missingOfficers = input.officerIds.filter((id) => !officers.some((o) => o.id === id));
    if (missingOfficers.length) throw fieldError('officerIds', `不是本部门的执法人员：${missingOfficers.join('、')}`);
    const items: { id: string }[] = await manager.query('SELECT id FROM items WHERE id IN (?) AND agency_id = ?', [input.itemIds, agencyId]);
    const missingItems = input.itemIds.filter((id) => !items.some((i) => i.id === id));
    if (missingItems.length) throw fieldError('itemIds', `不是本部门的检查事项：${missingItems.join('、')}`);
  }

  /** This agency's planned inspections of the enterprise within a year of `date`: plans and past inspections. */
  private async plannedDates(manager: EntityManager, agencyId: string, creditCode: string, date: string, exceptPlanId: string | null): Promise<string[]> {
    const plans: { planned_date: string }[] = await manager.query(
      "SELECT planned_date FROM plans WHERE agency_id = ? AND credit_code = ? AND status = 'active' AND trigger_type = 'planned' AND planned_date BETWEEN ? AND ? AND id <> ?",
      [agencyId, creditCode, addDays(date, -364), addDays(date, 364), exceptPlanId ?? ''],
    );
    const done: { started_at: Date }[] = await manager.query(
      "SELECT started_at FROM inspections WHERE agency_id = ? AND credit_code = ? AND trigger_type = 'planned' AND started_at >= ?",
      [agencyId, creditCode, new Date(Date.parse(`${addDays(date, -365)}T00:00:00+08:00`))],
    );
    return [...plans.map((p) => p.planned_date), ...done.map((d) => shanghaiDate(d.started_at))];
  }

  /** Recomputes the enterprise's inspections from its active plans and records every change of grouping. */
  private async regroup(manager: EntityManager, creditCode: string, today: string, user: SessionUser, now: Date): Promise<void> {
    const rows: { id: string; agency_id: string; planned_date: string; trigger_type: string; filed_at: Date; lead_plan_id: string; inspection_date: string }[] =
      await manager.query(
        // Inspections whose code is issued take no new members and keep their grouping.
        `SELECT id, agency_id, planned_date, trigger_type, filed_at, lead_plan_id, inspection_date FROM plans
         WHERE credit_code = ? AND status = 'active' AND planned_date >= ?
           AND lead_plan_id NOT IN (SELECT lead_plan_id FROM inspection_codes WHERE revoked_at IS NULL)`,
        [creditCode, addDays(today, -MERGE_WINDOW_DAYS)],
      );
    const candidates: MergeCandidate[] = rows.map((r) => ({ id: r.id, agencyId: r.agency_id, date: r.planned_date, emergency: r.trigger_type === 'emergency', filedAt: new Date(r.filed_at) }));
    const before = membersByPlan(rows.map((r) => ({ id: r.id, lead: r.lead_plan_id })));
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const inspection of mergePlans(candidates)) {
      const members = [...inspection.planIds].sort().join(',');
      for (const planId of inspection.planIds) {
        const row = stored.get(planId)!;
        if (row.lead_plan_id === inspection.leadPlanId && row.inspection_date === inspection.date && before.get(planId) === members) continue;
        if (row.lead_plan_id !== inspection.leadPlanId || row.inspection_date !== inspection.date) {
          await manager.query('UPDATE plans SET lead_plan_id = ?, inspection_date = ? WHERE id = ?', [inspection.leadPlanId, inspection.date, planId]);
        }
        await this.appendEvent(manager, planId, row.agency_id, creditCode, 'merged', user, {
          leadPlanId: inspection.leadPlanId,
          leadAgencyId: inspection.leadAgencyId,
          inspectionDate: inspection.date,
          agencyIds: inspection.agencyIds,
          why:
            inspection.planIds.length > 1
              ? '同一企业±7个自然日内不同部门的检查计划合并为联合检查（应急优先、先提报优先）'
              : before.get(planId)?.includes(',')
                ? '不再与其他部门的计划合并，单独检查'
                : `检查日期为 ${inspection.date}`,
        }, now);
      }
    }
  }

  private async appendEvent(manager: EntityManager, planId: string | null, agencyId: string, creditCode: string, kind: string, user: SessionUser, detail: object, at: Date): Promise<void> {
    await manager.query('INSERT INTO plan_events (plan_id, agency_id, credit_code, kind, actor, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      planId, agencyId, creditCode, kind, actorOf(user), JSON.stringify(detail), at,
    ]);
    if (planId && TRAIL_KINDS.has(kind)) await this.trail.append({ inspectionId: planId, kind: kind as TrailKind, actor: actorOf(user), detail: detail as Record<string, unknown>, at }, manager);
  }
}

/** Each plan's inspection members (sorted ids, joined) as the stored lead ids group them. */
function membersByPlan(plans: { id: string; lead: string }[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const plan of plans) groups.set(plan.lead, [...(groups.get(plan.lead) ?? []), plan.id]);
  const result = new Map<string, string>();
  for (const members of groups.values()) for (const id of members) result.set(id, [...members].sort().join(','));
  return result;
}

function refused(what: string, refusals: FilingRefusal[]): DomainError {
  return new DomainError(ErrorCode.RuleRefused, `${what}：${refusals.map((r) => r.message).join('；')}`, undefined, refusals as RuleRefusal[]);
}

function fieldError(field: string, reason: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `${field}: ${reason}`, [{ field, reason }]);
}

/** 计划编码: JH + inspection date + 6 random characters, e.g. JH20261201-7Q3KXW. */
function planCode(date: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const random = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `JH${date.replaceAll('-', '')}-${random}`;
}
