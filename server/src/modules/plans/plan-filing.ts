import { addDays, daysBetween, modeNeedsReason, shanghaiDate, type CheckMode, type CreditGrade, type PlanTrigger, type RefusalRule } from '@mashang/shared';

/** A planned inspection is filed at least this many natural days before its date. */
export const ADVANCE_NOTICE_DAYS = 7;

/** Planned inspections per agency per enterprise in any 365 days, by credit grade (D: no cap). */
export const PLANNED_CAP: Record<CreditGrade, number | null> = { A: 1, B: 2, C: 4, D: null };

export type FilingRule = Extract<RefusalRule, 'past-date' | 'advance-notice' | 'trigger-reason' | 'credit-cap' | 'low-touch' | 'no-disturb-item' | 'joint-lock-out' | 'review-pending'>;

/** A refusal names the rule and what would satisfy it. */
export interface FilingRefusal {
  rule: FilingRule;
  message: string;
  /** What the officer can do instead. */
  remedy: string;
}

export interface FilingInput {
  trigger: PlanTrigger;
  /** Planned inspection date, YYYY-MM-DD (Asia/Shanghai). */
  date: string;
  /** Today, YYYY-MM-DD (Asia/Shanghai), when the plan is filed. */
  today: string;
  /** The earliest past date an emergency may still be filed for (emergencyFilingFrom). */
  emergencyFrom: string;
  reason?: string | null;
  enterprise: { creditGrade: CreditGrade; lowTouch: boolean };
  /** Items on the 无事不扰 list among the plan's items (names). */
  noDisturbItems: string[];
  /** Dates of this agency's other planned inspections of this enterprise (filed or done). */
  otherPlannedDates: string[];
  /** 现场 (the default) or 非现场. */
  mode?: CheckMode;
  /** The officer's reason to visit a 无感监管 enterprise on site on a routine plan. */
  modeReason?: string | null;
}

const TRIGGER_LABEL: Record<PlanTrigger, string> = {
  planned: '计划检查',
  complaint: '投诉举报',
  superior: '上级交办',
  undercover: '暗访',
  emergency: '紧急检查',
  other: '其他触发',
};

/**
 * The most planned inspections (counting the new one) that any 365-day window holding `date`
 * would contain: the credit cap applies to every such window, as the nightly report checks it.
 */
export function busiestYearWith(date: string, others: readonly string[]): number {
  const near = others.filter((d) => Math.abs(daysBetween(date, d)) <= 364).map((d) => daysBetween(date, d)).sort((a, b) => a - b);
  let busiest = 0;
  // Windows [start, start + 364] with start in [-364, 0]; only starts at a plan (or at -364) matter.
  for (const start of [-364, ...near.filter((offset) => offset <= 0)]) {
    busiest = Math.max(busiest, near.filter((offset) => offset >= start && offset <= start + 364).length);
  }
  return busiest + 1;
}

/**
 * 先检查后补码: the earliest date an emergency inspection may be filed for afterwards. One begun on a
 * date, at the latest just before its midnight (Asia/Shanghai), has its code due `codeHours` later; until
 * then the plan, and so its code, may still be filed for that date.
 */
export function emergencyFilingFrom(now: Date, codeHours: number): string {
  return shanghaiDate(new Date(now.getTime() - codeHours * 3_600_000));
}

/**
 * A plan is for today or later: one for a past date would get a code already expired when issued.
 * Only an emergency is filed after the fact, within its code's deadline.
 */
function pastDateRefusal(input: FilingInput): FilingRefusal | null {
  if (input.date >= input.today) return null;
  if (input.trigger === 'emergency') {
    if (input.date >= input.emergencyFrom) return null;
    return {
      rule: 'past-date',
      message: `紧急检查须在入企检查后限期内补报（先检查后补码），${input.date} 的检查已过补报期限`,
      remedy: `只能补报 ${input.emergencyFrom} 及之后实施的紧急检查；更早的检查请向司法局（执法监督）书面说明情况`,
    };
  }
  const from = input.trigger === 'planned' ? addDays(input.today, ADVANCE_NOTICE_DAYS) : input.today;
  return {
    rule: 'past-date',
    message: `检查日期 ${input.date} 已过，不能报备过去的检查`,
    remedy: `选择 ${from} 或之后的日期；已先行实施的紧急检查按紧急检查补报`,
  };
}

/** Every rule the plan breaks (empty when it may be filed). */
export function filingRefusals(input: FilingInput): FilingRefusal[] {
  const past = pastDateRefusal(input);
  const refusals: FilingRefusal[] = past ? [past] : [];
  const planned = input.trigger === 'planned';
  if (planned) {
    const earliest = addDays(input.today, ADVANCE_NOTICE_DAYS);
    if (!past && input.date < earliest) {
      refusals.push({
        rule: 'advance-notice',
        message: `计划检查须至少提前${ADVANCE_NOTICE_DAYS}个自然日报备`,
        remedy: `选择 ${earliest} 或之后的日期；确有投诉举报、上级交办等情形的，改走绿色通道并写明理由`,
      });
    }
  } else if (!input.reason?.trim()) {
    refusals.push({
      rule: 'trigger-reason',
      message: `${TRIGGER_LABEL[input.trigger]}须写明理由`,
      remedy: '填写触发检查的事由（如投诉编号、交办文号、紧急情况说明）',
    });
  }
  if (!planned) return refusals;

  // 无感监管 and 无事不扰 keep officers away from the premises: an off-site check does not go there.
  const offsite = input.mode === 'offsite';
  const onsiteReasoned = modeNeedsReason('onsite', input.trigger, input.enterprise.lowTouch) && !!input.modeReason?.trim();
  if (input.enterprise.lowTouch && !offsite && !onsiteReasoned) {
    refusals.push({ rule: 'low-touch', message: '该企业在无感监管名单内，无触发事由不得入企检查', remedy: '改为非现场检查（请企业在线提交材料）；确需到现场的写明理由，或有投诉举报等触发事由的改走绿色通道' });
  }
  if (input.noDisturbItems.length && !offsite) {
    refusals.push({
      rule: 'no-disturb-item',
      message: `检查事项“${input.noDisturbItems.join('、')}”在无事不扰清单内，无触发事由不得现场检查`,
      remedy: '去掉这些事项，或有触发事由时改走绿色通道',
    });
  }
  const cap = PLANNED_CAP[input.enterprise.creditGrade];
  if (cap !== null && busiestYearWith(input.date, input.otherPlannedDates) > cap) {
    refusals.push({
      rule: 'credit-cap',
      message: `信用等级${input.enterprise.creditGrade}的企业，本部门一年内计划检查不超过${cap}次`,
      remedy: '与本部门已有的计划检查合并，或选择与已有计划相隔一年以上的日期',
    });
  }
  return refusals;
}
