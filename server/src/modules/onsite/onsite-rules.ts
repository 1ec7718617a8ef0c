import { shanghaiDate, type FindingOutcome, type InspectionResult, type PlanTrigger, type RuleRefusal } from '@mashang/shared';

/** A plan of the officer's agency on the day of a check-in. */
export interface CheckInCandidate {
  planId: string;
  creditCode: string;
  enterpriseName: string;
  trigger: PlanTrigger;
  /** A visit (回访、服务走访): no inspection, so no lock-out keeps it out. */
  visit?: boolean;
  officerOnPlan: boolean;
  finished: boolean;
  /** The inspection's code: none, or valid until `expiresAt`. */
  code: { expiresAt: Date } | null;
}

export interface CheckInFacts {
  creditCode: string;
  at: Date;
  candidates: CheckInCandidate[];
  /** Another agency's inspection of this enterprise, already coded, within ±7 days, that this agency is not part of. */
  lockedBy: { agencyName: string; date: string } | null;
  /** The last day the officer's enforcement certificate is valid (YYYY-MM-DD); null when not known. */
  certExpires: string | null;
}

export type CheckInMatch = { planId: string; emergencyWithoutCode: boolean } | { refusal: RuleRefusal };

const NO_PLAN_REMEDY = '先报备检查计划：计划检查须提前7个自然日；投诉举报、上级交办等走绿色通道并写明理由；危及安全的紧急情况报备紧急检查（可先检查后补码）';

/**
 * Matches a scanned enterprise against the officer's plans of the day. 无计划、无码不得入企:
 * every refusal names the rule and what the officer can do about it.
 */
export function matchCheckIn(facts: CheckInFacts): CheckInMatch {
  // 不具备执法资格: whoever holds no valid certificate may not inspect, whatever the plan says.
  if (facts.certExpires !== null && shanghaiDate(facts.at) > facts.certExpires) {
    return {
      refusal: {
        rule: 'certificate-expired',
        message: `您的执法证有效期至${facts.certExpires}，已过期，不能入企检查`,
        remedy: '换领执法证后请本部门管理员在执法人员名单中更新有效期；本次检查请由持有效执法证的执法人员进行',
      },
    };
  }
  const forEnterprise = facts.candidates.filter((c) => c.creditCode === facts.creditCode);
  const mine = forEnterprise.filter((c) => c.officerOnPlan);
  if (!mine.length) {
    if (forEnterprise.length) {
      return { refusal: { rule: 'not-on-plan', message: '您不在今天该企业检查计划的执法人员名单中', remedy: '由计划中的执法人员入企检查；确需参加的，请报备人员调整计划后再入企' } };
    }
    const elsewhere = facts.candidates.filter((c) => c.officerOnPlan);
    if (elsewhere.length) {
      const names = elsewhere.map((c) => `${c.enterpriseName}（${c.creditCode}）`).join('、');
      return { refusal: { rule: 'enterprise-differs', message: `扫描的企业与今天的检查计划不一致，您今天的检查对象是：${names}`, remedy: `核对营业执照上的统一社会信用代码；如需检查该企业，${NO_PLAN_REMEDY}` } };
    }
    return { refusal: { rule: 'no-plan', message: '今天没有您对该企业的检查计划', remedy: NO_PLAN_REMEDY } };
  }
  const open = mine.filter((c) => !c.finished);
  if (!open.length) return { refusal: { rule: 'already-finished', message: '该企业今天的检查已经结束，检查结果已上传', remedy: '如需再次检查，须另行报备计划' } };
  const plan = open[0];
  const emergency = plan.trigger === 'emergency';
  if (facts.lockedBy && !emergency && !plan.visit) {
    return { refusal: { rule: 'lock-out', message: `${facts.lockedBy.agencyName}已于${facts.lockedBy.date}对该企业联合检查，前后7日内其他部门不得单独入企`, remedy: '结果互认：查看半年内检查结果；有异议的提出异议复查' } };
  }
  if (!plan.code && !emergency) return { refusal: { rule: 'no-code', message: '该检查还没有生成检查码', remedy: '在“检查计划”中生成检查码，向企业出示后再入企' } };
  if (plan.code && plan.code.expiresAt.getTime() <= facts.at.getTime()) {
    return { refusal: { rule: 'code-expired', message: '该检查的检查码已过期', remedy: '检查码在检查日次日结束前有效；请改期重新报备' } };
  }
  return { planId: plan.planId, emergencyWithoutCode: emergency && !plan.code };
}

/** A plan of the scanned enterprise within ±7 days of the check-in, as far as lock-out is concerned. */
export interface NearbyPlan {
  agencyId: string;
  leadPlanId: string;
  /** The inspection's unified date. */
  date: string;
  coded: boolean;
  /** A visit locks no one out: only inspections do. */
  visit?: boolean;
}

/**
 * 锁定: another agency's inspection of the enterprise within ±7 days whose code is issued, and that
 * this agency is not part of — the earliest such, or null. Every member of an inspection shares its
 * date, so the plans within the window hold whole inspections.
 */
export function lockingGroup(nearby: NearbyPlan[], agencyId: string): { agencyId: string; date: string } | null {
  const joined = new Set(nearby.filter((p) => p.agencyId === agencyId).map((p) => p.leadPlanId));
  const locking = nearby
    .filter((p) => p.coded && !p.visit && p.agencyId !== agencyId && !joined.has(p.leadPlanId))
    .sort((a, b) => a.date.localeCompare(b.date));
  return locking.length ? { agencyId: locking[0].agencyId, date: locking[0].date } : null;
}

/** An offline upload's own time: not in the future (beyond clock drift), not older than the limit. */
export function offlineTimeProblem(at: Date, now: Date, maxAgeHours: number): string | null {
  if (Number.isNaN(at.getTime())) return '时间格式不正确';
  if (at.getTime() > now.getTime() + 5 * 60_000) return '时间晚于服务器当前时间，请校准手机时间';
  if (now.getTime() - at.getTime() > maxAgeHours * 3_600_000) return `离线记录超过${maxAgeHours}小时，不能补传，请联系部门管理员`;
  return null;
}

/** The exchange format's result of one agency's inspection: any violation makes a case, any rectification order a rectify. */
export function inspectionResult(outcomes: FindingOutcome[]): InspectionResult {
  if (outcomes.includes('violation')) return 'case';
  if (outcomes.includes('rectify')) return 'rectify';
  return 'pass';
}

/** Items of the plan without a finding yet: an inspection cannot finish with any left. */
export function unrecordedItems(itemIds: string[], recorded: Set<string>): string[] {
  return itemIds.filter((id) => !recorded.has(id));
}
