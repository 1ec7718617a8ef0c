import { daysBetween, ErrorCode, isCalendarDate, type PlanView, type RuleRefusal } from '@mashang/shared';
import { ApiError, errorMessage } from './api-error';
import { chineseDate } from './dates';
import { ADVANCE_NOTICE_DAYS, earliestPlannedDate } from './plan-form';
import { membersLine } from './plans';

/** 改期 or 取消: what the officer is changing on one plan of the list. */
export type PlanChangeKind = 'move' | 'cancel' | 'alone';

/** The server takes a cancel reason of 2–500 characters and an alone reason of 4–500. */
export const CANCEL_REASON_MIN = 2;
export const ALONE_REASON_MIN = 4;
export const CHANGE_REASON_MAX = 500;

/** The problem with a new date before it is sent, or null. */
export function moveDateProblem(plan: Pick<PlanView, 'plannedDate'>, date: string, today: string): string | null {
  const text = date.trim();
  if (!text) return '请输入新的检查日期';
  if (!isCalendarDate(text)) return '检查日期应写成 年-月-日，如 2026-12-01';
  if (text === plan.plannedDate) return '新日期与原报备日期相同';
  if (daysBetween(today, text) < 0) return '检查日期已过，不能改到今天以前';
  return null;
}

/**
 * A warning while a date is typed; never blocking (the server decides): a planned inspection moved to
 * less than 7 natural days ahead will be refused.
 */
export function moveDateHint(plan: Pick<PlanView, 'trigger'>, date: string, today: string): string | null {
  if (plan.trigger !== 'planned' || !isCalendarDate(date.trim())) return null;
  if (daysBetween(today, date.trim()) >= ADVANCE_NOTICE_DAYS) return null;
  return `计划检查须至少提前${ADVANCE_NOTICE_DAYS}个自然日，最早可改到 ${earliestPlannedDate(today)}`;
}

/** The problem with a written reason (cancelling, going alone), or null. */
export function reasonProblem(kind: 'cancel' | 'alone', reason: string): string | null {
  const text = reason.trim();
  const min = kind === 'cancel' ? CANCEL_REASON_MIN : ALONE_REASON_MIN;
  const what = kind === 'cancel' ? '取消原因' : '单独检查的理由';
  if (text.length < min) return `请写明${what}（至少${min}个字）`;
  if (text.length > CHANGE_REASON_MAX) return `${what}不能超过${CHANGE_REASON_MAX}个字`;
  return null;
}

/** What a refused change shows: the rules with their remedies, or one message. */
export interface ChangeFailure {
  refusals: RuleRefusal[];
  message: string;
}

export function changeFailure(error: unknown): ChangeFailure {
  if (error instanceof ApiError && error.code === ErrorCode.RuleRefused && error.refusals.length) return { refusals: error.refusals, message: '' };
  if (error instanceof ApiError && error.fields.length) return { refusals: [], message: error.fields.map((f) => f.reason).join('；') };
  return { refusals: [], message: errorMessage(error) };
}

/** A code refused because a joint-supervision scenario's agencies have not joined: the officer may go alone with a reason. */
export function jointScenarioRefusal(refusals: readonly RuleRefusal[]): RuleRefusal | null {
  return refusals.find((refusal) => refusal.rule === 'joint-scenario') ?? null;
}

/** The line over the list after a move: the new date and, when it merged, with whom. */
export function movedSummary(plan: PlanView): string {
  const base = `已改期 ${plan.code}，检查日期 ${chineseDate(plan.inspection.date, false)}`;
  return plan.inspection.joint ? `${base}，联合检查：${membersLine(plan)}。` : `${base}。`;
}

/** The line over the list after a cancel (the plan leaves the list of active plans). */
export function cancelledSummary(plan: Pick<PlanView, 'code' | 'inspection'>): string {
  return `已取消 ${plan.code}（原定 ${chineseDate(plan.inspection.date, false)}），取消原因已记入计划记录。`;
}
