import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, isVisit, userActor, type IssuedCode, type RuleRefusal, type SessionUser } from '@mashang/shared';
import QRCode from 'qrcode';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import type { Tx } from '../../../infra/database/tx.js';
import { DomainError } from '../../../infra/errors/domain-error.js';
import { FlagRaiser } from '../../flags/index.js';
import { AgencyRepository } from '../../registry/index.js';
import { EnterpriseSerial } from '../enterprise-serial.js';
import { InspectionCodeRepository } from '../inspection-code.repository.js';
import { codeSigningKey, newCodeToken } from '../inspection-code.js';
import { JointScenarioRepository } from '../joint-scenario.repository.js';
import { LateCodes } from '../late-code.js';
import { PlanViews } from '../listing/plan-views.js';
import { PlanHistory } from '../plan-history.js';
import type { Plan } from '../plan.entity.js';
import { PlanRepository } from '../plan.repository.js';
import { approvalRefusal } from '../approval/approval-rules.js';
import { scenarioGap } from './scenario-gap.js';

const DAY_MS = 86_400_000;

/** Issuing the 检查码 of an inspection. */
@Injectable()
export class IssueCode {
  private readonly key: Buffer;

  constructor(
    @Inject(EnterpriseSerial) private readonly serial: EnterpriseSerial,
    @Inject(PlanViews) private readonly views: PlanViews,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(InspectionCodeRepository) private readonly codes: InspectionCodeRepository,
    @Inject(JointScenarioRepository) private readonly scenarios: JointScenarioRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(PlanHistory) private readonly history: PlanHistory,
    @Inject(FlagRaiser) private readonly flags: FlagRaiser,
    @Inject(LateCodes) private readonly lateCodes: LateCodes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = codeSigningKey(config.jwtSecret);
  }

  /**
   * The code of the inspection a plan belongs to: issued once per inspection, by any member agency.
   * From then on the inspection takes no new members (lock-out applies to other agencies).
   */
  async issue(user: SessionUser, planId: string, aloneReason?: string, now = new Date()): Promise<IssuedCode> {
    const plan = await this.views.get(user, planId);
    // Waiting for its head's approval, or returned: no code, with what to do.
    const notApproved = approvalRefusal(plan);
    if (notApproved) throw new DomainError(ErrorCode.RuleRefused, `不能生成检查码：${notApproved.message}`, undefined, [notApproved]);
    if (plan.status !== 'active') throw new DomainError(ErrorCode.Conflict, '计划已取消，不能生成检查码');
    const actor = userActor(user);
    const event = { planId, agencyId: plan.agencyId, creditCode: plan.creditCode, actor, at: now };
    // Ordered with filings and moves, so the grouping read here is the final one.
    const code = await this.serial.run(plan.creditCode, async (tx, enterprise) => {
      const current = (await this.plans.byId(planId, tx))!;
      const existing = await this.codes.liveOf(current.leadPlanId, tx);
      if (existing) return { refusal: null, ...existing };
      const members = await this.plans.activeMembersOf([current.leadPlanId], tx);
      // A visit is no inspection: joint-supervision scenarios do not ask for other agencies.
      const gap = isVisit(current.kind) ? null : scenarioGap(await this.scenarios.active(tx), enterprise.industry, members.map((m) => m.agencyId));
      if (gap) {
        const names = await this.agencies.namesOf(gap.missingIds, tx);
        const missingNames = gap.missingIds.map((id) => names.get(id) ?? id).join('、');
        if (!aloneReason?.trim()) {
          const refusal: RuleRefusal = {
            rule: 'joint-scenario',
            message: `按综合监管场景“${gap.scenario}”，${missingNames}应一同检查，尚未加入`,
            remedy: `等待${missingNames}报备加入后再生成检查码；确需单独检查的，写明理由（司法局可见）`,
          };
          await this.history.record({ ...event, kind: 'refused', detail: { refusals: [refusal] } }, tx);
          return { refusal, token: '', expiresAt: now };
        }
        const reason = aloneReason.trim();
        await this.plans.setAloneReason(current.leadPlanId, reason, tx);
        await this.history.record({ ...event, kind: 'alone', detail: { scenario: gap.scenario, missingAgencyIds: gap.missingIds, reason } }, tx);
        // Going alone in a joint-supervision scenario is for the supervisor to look at.
        await this.flags.raiseOne({
          dedupeKey: `alone:${planId}`,
          source: 'alone',
          subjectType: 'plan',
          subjectId: planId,
          agencyId: plan.agencyId,
          creditCode: plan.creditCode,
          inspectionId: planId,
          severity: 'low',
          title: `应联未联：综合监管场景“${gap.scenario}”未与${missingNames}联合检查`,
          evidence: { planId, planCode: plan.code, scenario: gap.scenario, missingAgencyIds: gap.missingIds, reason },
          actor,
        }, now, tx);
      }
      const token = newCodeToken(this.key);
      // Valid through the day after the inspection date, Asia/Shanghai.
      const expiresAt = new Date(Date.parse(`${current.inspectionDate}T00:00:00+08:00`) + 2 * DAY_MS);
      await this.codes.insert({ token, leadPlanId: current.leadPlanId, issuedAt: now, issuedBy: user.id, expiresAt }, tx);
      await this.recordCoded(members, current.inspectionDate, expiresAt, actor, now, tx);
      return { refusal: null, token, expiresAt };
    });
    if (code.refusal) throw new DomainError(ErrorCode.RuleRefused, `不能生成检查码：${code.refusal.message}`, undefined, [code.refusal]);
    const url = `${this.config.publicBaseUrl}/v/${code.token}`;
    return { token: code.token, url, expiresAt: code.expiresAt.toISOString(), qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) };
  }

  /** A `coded` event for every member; a code filed after an emergency check-in names that check-in and whether it met the deadline (先检查后补码). */
  private async recordCoded(members: Plan[], inspectionDate: string, expiresAt: Date, actor: string, now: Date, tx: Tx): Promise<void> {
    for (const member of members) {
      const late = member.checkedInAt
        ? { checkedInAt: member.checkedInAt.toISOString(), codeDueAt: member.codeDueAt ? member.codeDueAt.toISOString() : null, onTime: !member.codeDueAt || now <= member.codeDueAt }
        : {};
      const detail = { inspectionDate, expiresAt: expiresAt.toISOString(), agencyIds: members.map((m) => m.agencyId), ...late };
      await this.history.record({ planId: member.id, agencyId: member.agencyId, creditCode: member.creditCode, kind: 'coded', actor, detail, at: now }, tx);
      if ('onTime' in late && !late.onTime) {
        // The deadline job raises this too; raising here as well keeps it even if that job was lost.
        await this.lateCodes.raise({ planId: member.id, agencyId: member.agencyId, creditCode: member.creditCode, checkedInAt: late.checkedInAt ?? null, codeDueAt: late.codeDueAt!, codedAt: now.toISOString() }, actor, now, tx);
      }
    }
  }
}
