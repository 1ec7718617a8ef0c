import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  BOOKING_SLOTS_MAX,
  bookingWindow,
  isAnnounced,
  isVisit,
  preparationList,
  shanghaiDate,
  slotLabel,
  slotProblem,
  type BookingSlot,
  type EnterpriseSlotsView,
  type InspectionNoticeView,
  type SessionUser,
} from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { Transactions } from '../../../infra/database/tx.js';
import { invalid, notFound } from '../../../infra/errors/domain-error.js';
import { assertSameAgency, type SignedInEnterprise } from '../../auth/index.js';
import { PlanRepository } from '../../plans/index.js';
import { AgencyRepository, ItemRepository } from '../../registry/index.js';
import { InspectionNoticeRepository } from '../inspection-notice.repository.js';

/** An inspection coming up that may be announced: its lead plan, date, enterprise and active plans (lead first). */
export interface AnnouncedInspection {
  leadPlanId: string;
  date: string;
  creditCode: string;
  members: { id: string; code: string; agencyId: string }[];
}

/**
 * 检查预告 and 双向预约: the planned inspections of an enterprise in the next INSPECTION_NOTICE_DAYS days
 * (none with a complaint, undercover or emergency trigger: those are never forewarned), with the items
 * and what to prepare; the enterprise marks the half-days within the inspection's window that suit it, and
 * the inspection's officers read them when fixing the date.
 */
@Injectable()
export class InspectionNotices {
  constructor(
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(InspectionNoticeRepository) private readonly notices: InspectionNoticeRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Inspections on days [from, to] that may be announced: of one enterprise, or of all. */
  async announced(from: string, to: string, creditCode: string | null): Promise<AnnouncedInspection[]> {
    const groups = new Map<string, { date: string; creditCode: string; triggers: string[]; members: AnnouncedInspection['members'] }>();
    for (const plan of await this.plans.activeOnDays(from, to, creditCode)) {
      // 检查预告 announces inspections; a visit is none (its own page lists it).
      if (isVisit(plan.kind)) continue;
      const group = groups.get(plan.leadPlanId) ?? { date: plan.inspectionDate, creditCode: plan.creditCode, triggers: [], members: [] };
      group.triggers.push(plan.trigger);
      group.members.push({ id: plan.id, code: plan.code, agencyId: plan.agencyId });
      groups.set(plan.leadPlanId, group);
    }
    return [...groups].filter(([, g]) => isAnnounced(g.triggers)).map(([leadPlanId, g]) => ({ leadPlanId, date: g.date, creditCode: g.creditCode, members: g.members }));
  }

  /** Its inspections announced now: from today to INSPECTION_NOTICE_DAYS ahead, soonest first. */
  async upcomingOf(enterprise: SignedInEnterprise, now = new Date()): Promise<InspectionNoticeView[]> {
    const today = shanghaiDate(now);
    const upcoming = await this.announced(today, addDays(today, this.config.enterprisePort.noticeDays), enterprise.creditCode);
    const memberIds = upcoming.flatMap((u) => u.members.map((m) => m.id));
    const planItems = await this.plans.itemsOf(memberIds);
    const [items, names, slots] = await Promise.all([
      this.items.byIds([...new Set(planItems.map((i) => i.memberId))]),
      this.agencies.namesOf(upcoming.flatMap((u) => u.members.map((m) => m.agencyId))),
      this.notices.slotsOf(upcoming.map((u) => u.leadPlanId)),
    ]);
    const itemById = new Map(items.map((i) => [i.id, i]));
    return upcoming.map((u) => {
      const agencies = u.members.map((m) => ({
        name: names.get(m.agencyId) ?? '执法部门',
        planCode: m.code,
        items: planItems.filter((i) => i.planId === m.id).flatMap((i) => (itemById.has(i.memberId) ? [{ name: itemById.get(i.memberId)!.name, basis: itemById.get(i.memberId)!.basis }] : [])),
      }));
      return {
        id: u.leadPlanId,
        date: u.date,
        joint: u.members.length > 1,
        agencies,
        prepare: preparationList(agencies.flatMap((a) => a.items)),
        window: bookingWindow(u.date, today),
        slots: slots.get(u.leadPlanId)?.slots ?? [],
      };
    });
  }

  /** Marks the half-days that suit it for one of its announced inspections (replacing those marked before). */
  async setSlots(enterprise: SignedInEnterprise, leadPlanId: string, slots: BookingSlot[], now = new Date()): Promise<InspectionNoticeView> {
    const notice = (await this.upcomingOf(enterprise, now)).find((n) => n.id === leadPlanId);
    if (!notice) throw notFound('检查预告');
    if (slots.length > BOOKING_SLOTS_MAX) throw invalid('slots', `最多选择${BOOKING_SLOTS_MAX}个半天`);
    slots.forEach((slot, i) => {
      const problem = slotProblem(slot, notice.window);
      if (problem) throw invalid(`slots[${i}]`, problem);
    });
    const unique = [...new Map(slots.map((s) => [`${s.date}|${s.half}`, s])).values()].sort((a, b) => `${a.date}${a.half}`.localeCompare(`${b.date}${b.half}`));
    await this.transactions.run((tx) => this.notices.replaceSlots(leadPlanId, enterprise.creditCode, unique, now, tx));
    return { ...notice, slots: unique };
  }

  /** What the inspection's officers (and overseers) see of the half-days the enterprise marked, when fixing the date. */
  async slotsForStaff(user: SessionUser, planId: string): Promise<EnterpriseSlotsView> {
    const plan = await this.plans.byId(planId);
    if (!plan) throw notFound('检查计划');
    assertSameAgency(user, plan.agencyId);
    const marked = (await this.notices.slotsOf([plan.leadPlanId])).get(plan.leadPlanId);
    return {
      inspectionDate: plan.inspectionDate,
      slots: (marked?.slots ?? []).map((s) => ({ ...s, label: slotLabel(s) })),
      markedAt: marked?.markedAt.toISOString() ?? null,
    };
  }
}
