/**
 * What a penalty case (行政处罚案件) page shows for a given case: stage names and colours, its
 * deadlines in Asia/Shanghai time, the discretion the ticked factors give, the party's submissions,
 * the legal reviews and the coercive measures in words. Used by the officer pages and the console.
 */
import {
  assessDiscretion,
  COERCIVE_MEASURE_KIND_LABELS,
  daysBetween,
  DECISION_MEASURE_LABELS,
  DISCRETION_LEVEL_LABELS,
  LEGAL_REVIEW_VERDICT_LABELS,
  MAJOR_DECISION_REASON_LABELS,
  PARTY_SUBMISSION_KIND_LABELS,
  PENALTY_CASE_ACTION_LABELS,
  PENALTY_STAGE_LABELS,
  PENALTY_STAGES,
  SHANGHAI_OFFSET_MS,
  shanghaiDate,
  UnknownFactorError,
  type CoerciveMeasureView,
  type DecisionMeasure,
  type DiscretionAssessment,
  type LegalReviewView,
  type MajorDecisionReason,
  type PartySubmissionView,
  type PenaltyCaseAction,
  type PenaltyCaseView,
  type PenaltyStage,
  type SessionUser,
} from '@mashang/shared';
import { rangeText } from './money';
import type { Tone } from './tones';

export function stageLabel(stage: PenaltyStage): string {
  return PENALTY_STAGE_LABELS[stage] ?? '未知阶段';
}

/** The stage's name without what follows it (已立案，待告知 → 已立案), for filter chips. */
export function stageShortLabel(stage: PenaltyStage): string {
  return stageLabel(stage).split('，')[0];
}

const STAGE_TONES: Record<PenaltyStage, Tone> = {
  filed: 'primary',
  notified: 'warning',
  review: 'accent',
  decided: 'success',
  closed: 'neutral',
  revoked: 'neutral',
};

export function stageTone(stage: PenaltyStage): Tone {
  return STAGE_TONES[stage] ?? 'neutral';
}

/** The list's stage filter: every stage, and all of them. */
export const STAGE_FILTERS: readonly { value: PenaltyStage | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  ...PENALTY_STAGES.map((stage) => ({ value: stage, label: stageShortLabel(stage) })),
];

export function actionLabel(action: PenaltyCaseAction): string {
  return PENALTY_CASE_ACTION_LABELS[action] ?? action;
}

/**
 * An instant in Asia/Shanghai wall time. A period that ends at midnight (the server's statutory
 * periods end when their last day does) reads as that last day's 24:00, not the next day's 00:00.
 */
export function instantText(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const local = new Date(t + SHANGHAI_OFFSET_MS).toISOString();
  if (local.slice(11, 23) === '00:00:00.000') return `${shanghaiDate(t - 1)} 24:00`;
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** How far a deadline is: 还剩3天, 今天截止, 已逾期2天 (by Asia/Shanghai calendar days). */
export function dueDistance(iso: string, now: number): { text: string; overdue: boolean } {
  const due = Date.parse(iso);
  // The last moment still inside the period names its day (an end at midnight belongs to the day before).
  const lastDay = shanghaiDate(due - 1);
  const today = shanghaiDate(now);
  if (now >= due) {
    // Counted from the day the period ran out on: a period ending at midnight is overdue from that day.
    const late = daysBetween(shanghaiDate(due), today);
    return { text: late > 0 ? `已逾期${late}天` : '已到期', overdue: true };
  }
  const left = daysBetween(today, lastDay);
  return { text: left > 0 ? `还剩${left}天` : '今天截止', overdue: false };
}

/** 2026-12-09 24:00（还剩2天） */
export function dueText(iso: string, now: number): string {
  return `${instantText(iso)}（${dueDistance(iso, now).text}）`;
}

export interface CaseDeadline {
  key: 'statement' | 'hearing' | 'review' | 'coercive';
  label: string;
  text: string;
  overdue: boolean;
}

const measureActive = (m: CoerciveMeasureView) => m.releasedAt === null;

/** The deadlines running on a case now, each with what it is for; done ones are said as such. */
export function caseDeadlines(view: PenaltyCaseView, now: number): CaseDeadline[] {
  const rows: CaseDeadline[] = [];
  const at = (key: CaseDeadline['key'], label: string, iso: string) => {
    const distance = dueDistance(iso, now);
    rows.push({ key, label, text: `${instantText(iso)}（${distance.text}）`, overdue: distance.overdue });
  };
  if (view.stage === 'notified' && view.statementUntil) {
    const stated = view.submissions.some((s) => s.kind === 'statement');
    if (stated) rows.push({ key: 'statement', label: '陈述申辩', text: '当事人已提出陈述申辩', overdue: false });
    else at('statement', '陈述申辩期', view.statementUntil);
  }
  if (view.stage === 'notified' && view.hearingUntil) {
    if (view.hearingHeldAt) rows.push({ key: 'hearing', label: '听证', text: `已于 ${shanghaiDate(view.hearingHeldAt)} 举行`, overdue: false });
    else if (view.hearingRequestedAt) rows.push({ key: 'hearing', label: '听证', text: `当事人已于 ${instantText(view.hearingRequestedAt)} 申请听证，待举行`, overdue: false });
    else at('hearing', '听证申请期', view.hearingUntil);
  }
  const waiting = pendingReview(view);
  if (waiting) at('review', '法制审核期限', waiting.dueAt);
  for (const m of view.coerciveMeasures.filter(measureActive)) at('coercive', `${COERCIVE_MEASURE_KIND_LABELS[m.kind]}期限`, m.dueAt);
  return rows;
}

/** The legal review waiting for a verdict, if any. */
export function pendingReview(view: Pick<PenaltyCaseView, 'reviews'>): LegalReviewView | null {
  return view.reviews.find((r) => r.verdict === null) ?? null;
}

/**
 * What the ticked factors give under the case's benchmark: points, level and the fine range, the
 * same way the server assesses the notice. Null when the case has no benchmark or a factor is unknown.
 */
export function liveAssessment(view: PenaltyCaseView, factorIds: readonly string[]): DiscretionAssessment | null {
  if (!view.ranges || !view.bands.length) return null;
  const benchmark = { clause: view.cause, name: view.causeName, legalBasis: view.legalBasis, factors: view.factors, bands: view.bands, ranges: view.ranges };
  try {
    return assessDiscretion(benchmark, factorIds);
  } catch (error) {
    if (error instanceof UnknownFactorError) return null;
    throw error;
  }
}

/** 7分 · 从重 · 30,000 元 – 100,000 元 */
export function assessmentText(assessment: DiscretionAssessment): string {
  return `${assessment.points}分 · ${DISCRETION_LEVEL_LABELS[assessment.level]} · ${rangeText(assessment.range)}`;
}

/** A factor's points with their sign: +3分, -2分. */
export function pointsText(points: number): string {
  return `${points > 0 ? '+' : ''}${points}分`;
}

export function measuresText(measures: readonly DecisionMeasure[]): string {
  return measures.map((m) => DECISION_MEASURE_LABELS[m] ?? m).join('、');
}

export function reviewReasonsText(reasons: readonly MajorDecisionReason[]): string {
  return reasons.map((r) => MAJOR_DECISION_REASON_LABELS[r] ?? r).join('、');
}

/** 审核通过 / 退回修改 / 待审核 */
export function reviewVerdictText(review: LegalReviewView): string {
  return review.verdict ? LEGAL_REVIEW_VERDICT_LABELS[review.verdict] : '待审核';
}

export function submissionKindLabel(submission: PartySubmissionView): string {
  return PARTY_SUBMISSION_KIND_LABELS[submission.kind] ?? '当事人意见';
}

/** What became of an objection: sent to the supervisors, and whether they upheld it. */
export function submissionStatusText(submission: PartySubmissionView): string {
  if (submission.upheld === true) return '执法监督认定异议成立';
  if (submission.upheld === false) return '执法监督认定异议不成立';
  if (submission.flaggedCaseId) return '已转执法监督部门';
  return '';
}

/** Only the case's own agency acts on it: its officers and its admin (the server's rule). */
export function actsForAgency(user: Pick<SessionUser, 'role' | 'agencyId'> | null, view: Pick<PenaltyCaseView, 'agencyId'>): boolean {
  return !!user && (user.role === 'officer' || user.role === 'agency-admin') && user.agencyId === view.agencyId;
}

const EXTENDABLE: readonly PenaltyStage[] = ['filed', 'notified', 'review', 'decided'];

export interface MeasureState {
  status: string;
  tone: Tone;
  canExtend: boolean;
  canRelease: boolean;
}

/**
 * A seal or seizure: in force (once extended, or not), lapsed, released; whether it may still be
 * extended (once, while in force, before the case is closed) or released (while not yet released).
 */
export function measureState(measure: CoerciveMeasureView, stage: PenaltyStage, mayAct: boolean, now: number): MeasureState {
  if (measure.releasedAt) return { status: `已于 ${instantText(measure.releasedAt)} 解除`, tone: 'neutral', canExtend: false, canRelease: false };
  const lapsed = now >= Date.parse(measure.dueAt);
  const status = lapsed ? '期限已届满，请依法处理' : measure.extended ? '执行中（已延长一次）' : '执行中';
  return {
    status,
    tone: lapsed ? 'danger' : 'warning',
    canExtend: mayAct && !lapsed && !measure.extended && EXTENDABLE.includes(stage),
    canRelease: mayAct,
  };
}
