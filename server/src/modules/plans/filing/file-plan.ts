import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isVisit, shanghaiDate, userActor, type PlanView, type SessionUser } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import { forbidden, invalid } from '../../../infra/errors/domain-error.js';
import { agencyScope } from '../../auth/index.js';
import { AgencyRepository, ItemRepository, OfficerRepository } from '../../registry/index.js';
import { approvalWhen } from '../approval/approval-rules.js';
import type { FilePlanDto } from '../dto/file-plan.dto.js';
import { EnterpriseSerial } from '../enterprise-serial.js';
import { PlanViews } from '../listing/plan-views.js';
import { Regrouping } from '../merging/regroup.js';
import { PlanHistory } from '../plan-history.js';
import { PlanRepository } from '../plan.repository.js';
import { itemsProblem } from '../visits/visit-rules.js';
import { CampaignLink } from './campaign-link.js';
import { FilingCheck, refusedError } from './filing-check.js';

/** 事前报备: filing a plan. */
@Injectable()
export class FilePlan {
  constructor(
    @Inject(EnterpriseSerial) private readonly serial: EnterpriseSerial,
    @Inject(FilingCheck) private readonly check: FilingCheck,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(OfficerRepository) private readonly officers: OfficerRepository,
    @Inject(ItemRepository) private readonly items: ItemRepository,
    @Inject(PlanHistory) private readonly history: PlanHistory,
    @Inject(Regrouping) private readonly regrouping: Regrouping,
    @Inject(PlanViews) private readonly views: PlanViews,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(CampaignLink) private readonly campaignLink: CampaignLink,
  ) {}

  /**
   * Files a plan: checks it against the filing rules, stores it and regroups the enterprise's plans
   * into (joint) inspections. The enterprise is locked for the transaction, so filings for one
   * enterprise run one after another and two agencies filing at once end in one joint inspection.
   * A refused attempt is recorded, then answered with 422 naming each rule.
   */
  async file(user: SessionUser, input: FilePlanDto, now = new Date()): Promise<PlanView> {
    const agencyId = agencyScope(user);
    if (!agencyId) throw forbidden('只有执法部门的人员可以报备检查计划');
    const today = shanghaiDate(now);
    const actor = userActor(user);
    const kind = input.kind ?? 'inspection';
    const visit = isVisit(kind);
    const itemIds = input.itemIds ?? [];
    const itemsWrong = itemsProblem(kind, itemIds);
    if (itemsWrong) throw invalid('itemIds', itemsWrong);
    // A visit is planned: it answers to no trigger.
    const trigger = visit ? 'planned' : input.trigger;
    // A visit is made on the premises: it has no off-site mode.
    const mode = visit ? 'onsite' : (input.mode ?? 'onsite');
    const subject = { ...input, kind, itemIds, trigger, mode };
    const outcome = await this.serial.run(input.creditCode, async (tx, enterprise) => {
      await this.checkMembers(agencyId, subject, tx);
      const refusals = [
        ...(await this.check.refusals(agencyId, subject, enterprise, now, null, tx)),
        ...(input.campaignId ? await this.campaignLink.refusals(input.campaignId, agencyId, input.date, enterprise, today, tx) : []),
      ];
      if (refusals.length) {
        const campaign = input.campaignId ? { campaignId: input.campaignId } : {};
        await this.history.record({ planId: null, agencyId, creditCode: input.creditCode, kind: 'refused', actor, at: now, detail: { date: input.date, trigger, ...(visit ? { kind } : {}), ...campaign, refusals } }, tx);
        return { refusals, id: null };
      }
      const id = randomUUID();
      // Where the agency requires its head's approval, the plan waits for it (an emergency goes ahead and is approved afterwards).
      // A visit is no inspection: the head's prior approval of inspections does not apply to it.
      const approval = visit ? null : approvalWhen(trigger, await this.agencies.requiresPlanApproval(agencyId, tx));
      await this.plans.insert({
        id, code: planCode(input.date, visit ? 'ZF' : 'JH'), agencyId, creditCode: input.creditCode, plannedDate: input.date, trigger, kind,
        reason: input.reason?.trim() || null, filedAt: now, filedBy: user.id, officerIds: input.officerIds, itemIds, approvalWhen: approval,
        mode, modeReason: input.modeReason?.trim() || null,
        campaignId: input.campaignId ?? null,
      }, tx);
      await this.history.record({
        planId: id, agencyId, creditCode: input.creditCode, kind: 'filed', actor, at: now,
        detail: { date: input.date, trigger, ...(visit ? { kind } : {}), officerIds: input.officerIds, itemIds, ...(approval ? { approval } : {}), ...(mode === 'offsite' ? { mode: 'offsite' } : {}), ...(input.modeReason?.trim() ? { modeReason: input.modeReason.trim() } : {}), ...(input.campaignId ? { campaignId: input.campaignId } : {}) },
      }, tx);
      // A plan waiting for approval joins no inspection yet.
      if (approval !== 'prior') await this.regrouping.regroup(input.creditCode, today, actor, now, tx);
      return { refusals: [], id };
    });
    if (!outcome.id) throw refusedError('不能报备', outcome.refusals);
    return this.views.get(user, outcome.id);
  }

  /** The plan's officers and items must be the filing agency's own. */
  private async checkMembers(agencyId: string, input: { officerIds: string[]; itemIds: string[] }, tx: Tx): Promise<void> {
    const officers = await this.officers.byIds(input.officerIds, tx);
    const missingOfficers = input.officerIds.filter((id) => !officers.some((o) => o.id === id && o.agencyId === agencyId));
    if (missingOfficers.length) throw invalid('officerIds', `不是本部门的执法人员：${missingOfficers.join('、')}`);
    // An officer taken off duty (停用) in the register is put on no new plan.
    const offDuty = officers.filter((o) => o.active === false);
    if (offDuty.length) throw invalid('officerIds', `执法人员已停用：${offDuty.map((o) => o.name).join('、')}`);
    const items = await this.items.byIds(input.itemIds, tx);
    const missingItems = input.itemIds.filter((id) => !items.some((i) => i.id === id && i.agencyId === agencyId));
    if (missingItems.length) throw invalid('itemIds', `不是本部门的检查事项：${missingItems.join('、')}`);
  }
}

/** 计划编码: JH (a visit: ZF, 走访) + inspection date + 6 random characters, e.g. JH20261201-7Q3KXW. */
function planCode(date: string, prefix: 'JH' | 'ZF'): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const random = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${prefix}${date.replaceAll('-', '')}-${random}`;
}
