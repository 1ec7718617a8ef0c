import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, shanghaiDate, type CodeCheck, type IssuedCode, type SessionUser } from '@mashang/shared';
import QRCode from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { DomainError } from '../../infra/errors/domain-error.js';
import { FlagRaiser } from '../flags/index.js';
import { TrailRepository } from '../trail/index.js';
import { LateCodes } from './late-code.js';
import { codeSigningKey, isAuthenticToken, newCodeToken } from './inspection-code.js';
import { JointScenariosService } from './joint-scenarios.service.js';
import { PlansService } from './plans.service.js';

const DAY_MS = 86_400_000;

@Injectable()
export class InspectionCodesService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PlansService) private readonly plans: PlansService,
    @Inject(JointScenariosService) private readonly scenarios: JointScenariosService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(FlagRaiser) private readonly flags: FlagRaiser,
    @Inject(LateCodes) private readonly lateCodes: LateCodes,
  ) {
    this.key = codeSigningKey(config.jwtSecret);
  }

  /**
   * The code of the inspection a plan belongs to: issued once per inspection, by any member agency.
   * From then on the inspection takes no new members (lock-out applies to other agencies).
   */
  async issue(user: SessionUser, planId: string, aloneReason?: string, now = new Date()): Promise<IssuedCode> {
    const plan = await this.plans.get(user, planId);
    if (plan.status !== 'active') throw new DomainError(ErrorCode.Conflict, '计划已取消，不能生成检查码');
    // Ordered with filings and moves, so the grouping read here is the final one.
    const code = await this.plans.serialised(plan.creditCode, async (manager) => {
      const [current] = await manager.query('SELECT lead_plan_id, inspection_date FROM plans WHERE id = ?', [planId]);
      const [existing] = await manager.query('SELECT token, expires_at FROM inspection_codes WHERE lead_plan_id = ? AND revoked_at IS NULL', [current.lead_plan_id]);
      if (existing) return { refusal: null, token: existing.token as string, expiresAt: new Date(existing.expires_at) };
      const gap = await this.scenarioGap(manager, plan.creditCode, current.lead_plan_id);
      if (gap) {
        const actor = `user:${user.id}:${user.username}`;
        if (!aloneReason?.trim()) {
          const refusal = {
            rule: 'joint-scenario',
            message: `按综合监管场景“${gap.scenario}”，${gap.missingNames.join('、')}应一同检查，尚未加入`,
            remedy: `等待${gap.missingNames.join('、')}报备加入后再生成检查码；确需单独检查的，写明理由（司法局可见）`,
          };
          await manager.query('INSERT INTO plan_events (plan_id, agency_id, credit_code, kind, actor, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
            planId, plan.agencyId, plan.creditCode, 'refused', actor, JSON.stringify({ refusals: [refusal] }), now,
          ]);
          return { refusal, token: '', expiresAt: now };
        }
        await manager.query("UPDATE plans SET alone_reason = ? WHERE lead_plan_id = ? AND status = 'active'", [aloneReason.trim(), current.lead_plan_id]);
        await manager.query('INSERT INTO plan_events (plan_id, agency_id, credit_code, kind, actor, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          planId, plan.agencyId, plan.creditCode, 'alone', actor, JSON.stringify({ scenario: gap.scenario, missingAgencyIds: gap.missingIds, reason: aloneReason.trim() }), now,
        ]);
        await this.trail.append({ inspectionId: planId, kind: 'alone', actor, detail: { scenario: gap.scenario, missingAgencyIds: gap.missingIds, reason: aloneReason.trim() }, at: now }, manager);
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
          title: `应联未联：综合监管场景“${gap.scenario}”未与${gap.missingNames.join('、')}联合检查`,
          evidence: { planId, planCode: plan.code, scenario: gap.scenario, missingAgencyIds: gap.missingIds, reason: aloneReason.trim() },
          actor,
        }, now, manager);
      }
      const token = newCodeToken(this.key);
      // Valid through the day after the inspection date, Asia/Shanghai.
      const expiresAt = new Date(Date.parse(`${current.inspection_date}T00:00:00+08:00`) + 2 * DAY_MS);
      await manager.query('INSERT INTO inspection_codes (token, lead_plan_id, issued_at, issued_by, expires_at) VALUES (?, ?, ?, ?, ?)', [token, current.lead_plan_id, now, user.id, expiresAt]);
      const members: { id: string; agency_id: string; checked_in_at: Date | null; code_due_at: Date | null }[] = await manager.query(
        "SELECT id, agency_id, checked_in_at, code_due_at FROM plans WHERE lead_plan_id = ? AND status = 'active'", [current.lead_plan_id]);
      const actor = `user:${user.id}:${user.username}`;
      for (const member of members) {
        // 先检查后补码: a code filed after an emergency check-in names that check-in and whether it met the deadline.
        const late = member.checked_in_at
          ? { checkedInAt: new Date(member.checked_in_at).toISOString(), codeDueAt: member.code_due_at ? new Date(member.code_due_at).toISOString() : null, onTime: !member.code_due_at || now <= new Date(member.code_due_at) }
          : {};
        const detail = { inspectionDate: current.inspection_date, expiresAt: expiresAt.toISOString(), agencyIds: members.map((m) => m.agency_id), ...late };
        await manager.query('INSERT INTO plan_events (plan_id, agency_id, credit_code, kind, actor, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          member.id, member.agency_id, plan.creditCode, 'coded', actor, JSON.stringify(detail), now,
        ]);
        await this.trail.append({ inspectionId: member.id, kind: 'coded', actor, detail, at: now }, manager);
        if ('onTime' in late && !late.onTime) {
          // The deadline job raises this too; raising here as well keeps it even if that job was lost.
          await this.lateCodes.raise({ planId: member.id, agencyId: member.agency_id, creditCode: plan.creditCode, checkedInAt: late.checkedInAt ?? null, codeDueAt: late.codeDueAt!, codedAt: now.toISOString() }, actor, now, manager);
        }
      }
      return { refusal: null, token, expiresAt };
    });
    if (code.refusal) throw new DomainError(ErrorCode.RuleRefused, `不能生成检查码：${code.refusal.message}`, undefined, [code.refusal]);
    const url = `${this.config.publicBaseUrl}/v/${code.token}`;
    return { token: code.token, url, expiresAt: code.expiresAt.toISOString(), qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) };
  }

  /** The first joint-supervision scenario whose agencies are not all in this inspection, if any. */
  private async scenarioGap(manager: EntityManager, creditCode: string, leadPlanId: string) {
    const [enterprise] = await manager.query('SELECT industry FROM enterprises WHERE credit_code = ?', [creditCode]);
    const members: string[] = (await manager.query("SELECT agency_id FROM plans WHERE lead_plan_id = ? AND status = 'active'", [leadPlanId])).map((r: { agency_id: string }) => r.agency_id);
    for (const scenario of await this.scenarios.applying(manager, enterprise.industry, members)) {
      const missingIds = scenario.agencyIds.filter((id) => !members.includes(id));
      if (!missingIds.length) continue;
      const names: { id: string; name: string }[] = await manager.query('SELECT id, name FROM agencies WHERE id IN (?)', [missingIds]);
      return { scenario: scenario.name, missingIds, missingNames: missingIds.map((id) => names.find((n) => n.id === id)?.name ?? id) };
    }
    return null;
  }

  /** Checks a scanned code; forged, expired and cancelled codes are refused in plain words. */
  async check(token: string, now = new Date()): Promise<CodeCheck> {
    if (!isAuthenticToken(this.key, token)) throw invalidCode();
    const [code] = await this.dataSource.query('SELECT lead_plan_id, expires_at, revoked_at FROM inspection_codes WHERE token = ?', [token]);
    if (!code) throw invalidCode();
    if (code.revoked_at) throw new DomainError(ErrorCode.CodeCancelled, '这次检查已取消，检查码作废。如有人持此码上门检查，请拒绝并向司法局反映。');
    if (new Date(code.expires_at) <= now) {
      throw new DomainError(ErrorCode.CodeExpired, `检查码已过期（有效期至 ${shanghaiDate(new Date(new Date(code.expires_at).getTime() - 1))}）。过期后不得凭此码入企检查。`);
    }
    const plans: { id: string; code: string; trigger_type: string; credit_code: string; inspection_date: string; agency_name: string; enterprise_name: string }[] = await this.dataSource.query(
      `SELECT p.id, p.code, p.trigger_type, p.credit_code, p.inspection_date, a.name AS agency_name, e.name AS enterprise_name
       FROM plans p JOIN agencies a ON a.id = p.agency_id JOIN enterprises e ON e.credit_code = p.credit_code
       WHERE p.lead_plan_id = ? AND p.status = 'active' ORDER BY p.id = p.lead_plan_id DESC, p.filed_at, p.id`,
      [code.lead_plan_id],
    );
    if (!plans.length) throw new DomainError(ErrorCode.CodeCancelled, '这次检查已取消，检查码作废。');
    const ids = plans.map((p) => p.id);
    const officers: { plan_id: string; name: string; cert_no: string }[] = await this.dataSource.query(
      'SELECT po.plan_id, o.name, o.cert_no FROM plan_officers po JOIN officers o ON o.id = po.officer_id WHERE po.plan_id IN (?) ORDER BY po.plan_id, po.position',
      [ids],
    );
    const items: { plan_id: string; name: string; basis: string }[] = await this.dataSource.query(
      'SELECT pi.plan_id, i.name, i.basis FROM plan_items pi JOIN items i ON i.id = pi.item_id WHERE pi.plan_id IN (?) ORDER BY pi.plan_id, pi.position',
      [ids],
    );
    return {
      status: 'valid',
      inspectionDate: plans[0].inspection_date,
      joint: plans.length > 1,
      enterprise: { creditCode: plans[0].credit_code, name: plans[0].enterprise_name },
      agencies: plans.map((p) => ({
        name: p.agency_name,
        planCode: p.code,
        trigger: p.trigger_type,
        officers: officers.filter((o) => o.plan_id === p.id).map((o) => ({ name: o.name, certNo: o.cert_no })),
        items: items.filter((i) => i.plan_id === p.id).map((i) => ({ name: i.name, basis: i.basis })),
      })),
      expiresAt: new Date(code.expires_at).toISOString(),
    };
  }
}

function invalidCode(): DomainError {
  return new DomainError(ErrorCode.CodeInvalid, '检查码无效：不是本系统签发的检查码。请核实来人身份，可拒绝检查并向司法局反映。');
}
