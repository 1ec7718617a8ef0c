import {
  addDays,
  isCalendarDate,
  CREDIT_CODE_PROBLEM_TEXT,
  creditCodeProblem,
  daysBetween,
  isValidCreditCode,
  normaliseCreditCode,
  type FieldError,
  type FilePlanRequest,
  type ItemDto,
  type PlanTrigger,
  REFUSAL_RULE_LABELS,
  type RefusalRule,
  isVisit,
  type PlanKind,
} from '@mashang/shared';

/** A planned inspection is filed at least this many natural days ahead (the server's rule). */
export const ADVANCE_NOTICE_DAYS = 7;
export const REASON_MAX = 500;

export interface PlanForm {
  creditCode: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  trigger: PlanTrigger;
  reason: string;
  officerIds: string[];
  itemIds: string[];
  /** 行政检查 when absent; a visit (回访、政策宣传、走访调研) has no trigger and no items. */
  kind?: PlanKind;
}

export type PlanField = Exclude<keyof PlanForm, 'kind'>;
export type PlanFormErrors = Partial<Record<PlanField, string>>;

/** Field order on the page, for listing errors top to bottom. */
const FIELD_ORDER: PlanField[] = ['creditCode', 'date', 'trigger', 'reason', 'officerIds', 'itemIds'];

export const PLAN_FIELD_LABELS: Record<PlanField, string> = {
  creditCode: '统一社会信用代码',
  date: '检查日期',
  trigger: '检查类型',
  reason: '触发事由',
  officerIds: '执法人员',
  itemIds: '检查事项',
};

/** The earliest date a planned inspection may be filed for today: today + 7. */
export function earliestPlannedDate(today: string): string {
  return addDays(today, ADVANCE_NOTICE_DAYS);
}

/** A fresh form: a planned inspection on the earliest allowed date, with the filing officer on it. */
export function emptyPlanForm(today: string, ownOfficerId?: string | null): PlanForm {
  return {
    creditCode: '',
    date: earliestPlannedDate(today),
    trigger: 'planned',
    reason: '',
    officerIds: ownOfficerId ? [ownOfficerId] : [],
    itemIds: [],
  };
}

/** Every trigger but a planned inspection is the green channel and must say why. */
export function needsReason(trigger: PlanTrigger): boolean {
  return trigger !== 'planned';
}

/** The normalised credit code when what is typed is a valid one (then its history can be shown). */
export function validCreditCode(text: string): string | null {
  const code = normaliseCreditCode(text);
  return isValidCreditCode(code) ? code : null;
}

/** Checks the form before it is sent; an empty result means it may be sent. */
export function validatePlanForm(form: PlanForm): PlanFormErrors {
  const errors: PlanFormErrors = {};
  const problem = creditCodeProblem(normaliseCreditCode(form.creditCode));
  if (problem) errors.creditCode = problem === 'empty' ? '请输入企业的统一社会信用代码' : CREDIT_CODE_PROBLEM_TEXT[problem];
  const date = form.date.trim();
  if (!date) errors.date = '请输入检查日期';
  else if (!isCalendarDate(date)) errors.date = '检查日期应写成 年-月-日，如 2026-12-01';
  if (isVisit(form.kind)) {
    if (form.reason.trim().length > REASON_MAX) errors.reason = `走访事由不能超过${REASON_MAX}个字`;
    if (!form.officerIds.length) errors.officerIds = '请至少选择一名走访人员';
    return errors;
  }
  if (needsReason(form.trigger)) {
    const reason = form.reason.trim();
    if (!reason) errors.reason = '非计划检查须写明触发事由（如投诉编号、交办文号、紧急情况说明）';
    else if (reason.length > REASON_MAX) errors.reason = `触发事由不能超过${REASON_MAX}个字`;
  }
  if (!form.officerIds.length) errors.officerIds = '请至少选择一名执法人员';
  if (!form.itemIds.length) errors.itemIds = '请至少选择一项检查事项';
  return errors;
}

export function hasPlanErrors(errors: PlanFormErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** The errors as lines, in the order the fields appear on the page. */
export function planErrorLines(errors: PlanFormErrors): string[] {
  return FIELD_ORDER.filter((field) => errors[field]).map((field) => errors[field]!);
}

/**
 * Warnings shown while filling in; they never block sending, because the server decides (and
 * answers with its refusals): a planned date less than 7 days ahead, 无事不扰 items on a planned
 * inspection.
 */
export function planFormHints(form: PlanForm, today: string, items: readonly ItemDto[]): string[] {
  const hints: string[] = [];
  if (form.trigger !== 'planned' || isVisit(form.kind)) return hints;
  if (isCalendarDate(form.date) && daysBetween(today, form.date) < ADVANCE_NOTICE_DAYS) {
    hints.push(
      `计划检查须至少提前${ADVANCE_NOTICE_DAYS}个自然日报备，最早可选 ${earliestPlannedDate(today)}；` +
        '确有投诉举报、上级交办等情形的，请改选对应的检查类型并写明事由',
    );
  }
  const noDisturb = items.filter((item) => item.noDisturb && form.itemIds.includes(item.id));
  if (noDisturb.length) {
    hints.push(
      `“${noDisturb.map((item) => item.name).join('、')}”在无事不扰清单内，计划检查不得选择；` +
        '去掉这些事项，或有触发事由时改走绿色通道',
    );
  }
  return hints;
}

/** The request as sent: a normalised credit code, and a reason only where one belongs. */
export function planRequest(form: PlanForm): FilePlanRequest {
  if (isVisit(form.kind)) {
    // A visit answers to no trigger and takes no items; its purpose goes where a reason would.
    const visit: FilePlanRequest = { creditCode: normaliseCreditCode(form.creditCode), date: form.date.trim(), kind: form.kind, trigger: 'planned', officerIds: [...form.officerIds], itemIds: [] };
    const purpose = form.reason.trim();
    if (purpose) visit.reason = purpose;
    return visit;
  }
  const request: FilePlanRequest = {
    creditCode: normaliseCreditCode(form.creditCode),
    date: form.date.trim(),
    trigger: form.trigger,
    officerIds: [...form.officerIds],
    itemIds: [...form.itemIds],
  };
  const reason = form.reason.trim();
  if (needsReason(form.trigger) && reason) request.reason = reason;
  return request;
}

const HAN = /[\u4e00-\u9fff]/;

/** Chinese reasons for the server's (English) class-validator messages, per field. */
const SERVER_FALLBACKS: Record<PlanField, string> = {
  creditCode: '统一社会信用代码不正确',
  date: '检查日期应写成 年-月-日，如 2026-12-01',
  trigger: '请选择检查类型',
  reason: `触发事由不能超过${REASON_MAX}个字`,
  officerIds: '请至少选择一名执法人员（不能重复）',
  itemIds: '请至少选择一项检查事项（不能重复）',
};

/**
 * Places the server's VALIDATION_FAILED field errors next to the fields they concern. Reasons
 * the server already gives in Chinese are kept; class-validator's English ones are replaced.
 */
export function planServerFieldErrors(fields: readonly FieldError[]): PlanFormErrors {
  const errors: PlanFormErrors = {};
  for (const { field, reason } of fields) {
    const key = FIELD_ORDER.find((name) => field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`));
    if (!key) continue;
    errors[key] ??= HAN.test(reason) ? reason : SERVER_FALLBACKS[key];
  }
  return errors;
}

/** Adds or removes one id of a multi-select, keeping the order of selection. */
export function toggleId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id];
}


/** The Chinese name of a filing rule the server refused on. */
export function ruleLabel(rule: string): string {
  return REFUSAL_RULE_LABELS[rule as RefusalRule] ?? '报备规则';
}
