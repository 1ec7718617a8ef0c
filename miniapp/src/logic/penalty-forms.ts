/**
 * The forms of a penalty case page: the notice (告知: factors ticked, fine proposed), the decision,
 * the reasons of closing, revoking and changing the cause, and coercive measures. Each checks what
 * it can before sending and builds the request; the server decides the rest and its refusals are
 * shown as they come.
 */
import {
  DISCRETION_LEVEL_LABELS,
  isCalendarDate,
  type CauseChangeRequest,
  type CoerciveMeasureKind,
  type CoerciveMeasureRequest,
  type DecisionMeasure,
  type DecisionRequest,
  type DiscretionAssessment,
  type NoticeRequest,
  type PenaltyCaseView,
} from '@mashang/shared';
import { fenToYuanInput, rangeText, yuanToFen } from './money';
import { liveAssessment } from './penalty-case';

export const REASON_MAX = 2000;
const CLAUSE = /^[A-Za-z0-9_.:-]{1,64}$/;
const FINE_FORMAT = '金额应写成元，最多两位小数，如 15000 或 15000.50';

/** Whether a fine lies in a range, ends included. */
const within = (fen: number, range: { min: number; max: number }) => fen >= range.min && fen <= range.max;

// ── 告知 ────────────────────────────────────────────────────────────────────────────────────────

export interface NoticeForm {
  factorIds: string[];
  /** Yuan, as typed. */
  fine: string;
  outsideRangeReason: string;
  measures: DecisionMeasure[];
}

export type NoticeField = 'factorIds' | 'proposedFine' | 'outsideRangeReason' | 'measures';
export const NOTICE_FIELD_LABELS: Record<NoticeField, string> = {
  factorIds: '裁量情节',
  proposedFine: '拟罚款数额',
  outsideRangeReason: '超出幅度的理由',
  measures: '其他处罚',
};

export function emptyNoticeForm(view: PenaltyCaseView): NoticeForm {
  return {
    factorIds: view.factors.filter((f) => f.ticked).map((f) => f.id),
    fine: view.proposedFine === null ? '' : fenToYuanInput(view.proposedFine),
    outsideRangeReason: '',
    measures: [...view.measures],
  };
}

export interface FineCheck {
  assessment: DiscretionAssessment | null;
  /** Null while nothing (or nothing readable) is typed. */
  fen: number | null;
  /** The typed fine lies outside the range: a written reason is needed (the box shows). */
  outside: boolean;
}

export function noticeCheck(view: PenaltyCaseView, form: NoticeForm): FineCheck {
  const assessment = liveAssessment(view, form.factorIds);
  const fen = yuanToFen(form.fine);
  return { assessment, fen, outside: fen !== null && assessment !== null && !within(fen, assessment.range) };
}

export type Built<R, F extends string> = { request: R } | { errors: Partial<Record<F, string>> };

function fineError(text: string): string | null {
  if (!text.trim()) return '请填写罚款数额（元）；不罚款的填 0';
  return yuanToFen(text) === null ? FINE_FORMAT : null;
}

function reasonError(check: FineCheck, reason: string, level: string): string | null {
  if (check.outside && !reason.trim()) return `罚款数额超出“${level}”档的幅度，须写明理由`;
  if (reason.trim().length > REASON_MAX) return `理由不能超过${REASON_MAX}个字`;
  return null;
}

export function noticeRequest(view: PenaltyCaseView, form: NoticeForm): Built<NoticeRequest, NoticeField> {
  const check = noticeCheck(view, form);
  const errors: Partial<Record<NoticeField, string>> = {};
  const fine = fineError(form.fine);
  if (fine) errors.proposedFine = fine;
  const level = check.assessment ? DISCRETION_LEVEL_LABELS[check.assessment.level] : '';
  const reason = reasonError(check, form.outsideRangeReason, level);
  if (reason) errors.outsideRangeReason = reason;
  if (Object.keys(errors).length) return { errors };
  const request: NoticeRequest = { factorIds: [...form.factorIds], proposedFine: check.fen! };
  if (check.outside) request.outsideRangeReason = form.outsideRangeReason.trim();
  if (form.measures.length) request.measures = [...form.measures];
  return { request };
}

// ── 作出决定 ────────────────────────────────────────────────────────────────────────────────────

export interface DecisionForm {
  fine: string;
  measures: DecisionMeasure[];
  /** YYYY-MM-DD, when a requested hearing was held. */
  hearingHeldOn: string;
  outsideRangeReason: string;
}

export type DecisionField = 'fine' | 'measures' | 'hearingHeldOn' | 'outsideRangeReason';
export const DECISION_FIELD_LABELS: Record<DecisionField, string> = {
  fine: '罚款数额',
  measures: '其他处罚',
  hearingHeldOn: '听证日期',
  outsideRangeReason: '超出幅度的理由',
};

/** Starts from what was proposed (or, after a review sent it back, from what was decided then). */
export function emptyDecisionForm(view: PenaltyCaseView): DecisionForm {
  const fine = view.fine ?? view.proposedFine;
  return { fine: fine === null ? '' : fenToYuanInput(fine), measures: [...view.measures], hearingHeldOn: '', outsideRangeReason: '' };
}

/** A hearing the party requested and that has not been recorded as held: its date goes with the decision. */
export function needsHearingDate(view: PenaltyCaseView): boolean {
  return view.hearingRequestedAt !== null && view.hearingHeldAt === null;
}

export function decisionCheck(view: PenaltyCaseView, form: DecisionForm): FineCheck {
  const fen = yuanToFen(form.fine);
  const assessment = view.range && view.level && view.points !== null ? { points: view.points, level: view.level, range: view.range } : null;
  return { assessment, fen, outside: fen !== null && assessment !== null && !within(fen, assessment.range) };
}

export function decisionRequest(view: PenaltyCaseView, form: DecisionForm, today: string): Built<DecisionRequest, DecisionField> {
  const check = decisionCheck(view, form);
  const errors: Partial<Record<DecisionField, string>> = {};
  const fine = fineError(form.fine);
  if (fine) errors.fine = fine;
  const date = form.hearingHeldOn.trim();
  if (needsHearingDate(view) && !date) errors.hearingHeldOn = '当事人已申请听证：请填写听证举行的日期';
  else if (date && !isCalendarDate(date)) errors.hearingHeldOn = '日期应写成 年-月-日，如 2026-12-01';
  else if (date && date > today) errors.hearingHeldOn = '听证日期不能晚于今天';
  const level = check.assessment ? DISCRETION_LEVEL_LABELS[check.assessment.level] : '';
  const reason = reasonError(check, form.outsideRangeReason, level);
  if (reason) errors.outsideRangeReason = reason;
  if (Object.keys(errors).length) return { errors };
  const request: DecisionRequest = { fine: check.fen! };
  if (form.measures.length) request.measures = [...form.measures];
  if (date) request.hearingHeldOn = date;
  if (check.outside) request.outsideRangeReason = form.outsideRangeReason.trim();
  return { request };
}

/** What the officer should know before deciding: the statement period, the review a major decision needs. */
export function decisionHints(view: PenaltyCaseView, now: number): string[] {
  const hints: string[] = [];
  const stated = view.submissions.some((s) => s.kind === 'statement');
  if (view.statementUntil && now < Date.parse(view.statementUntil) && !stated) {
    hints.push('陈述申辩期尚未届满：期满后，或当事人提出陈述申辩后，才能作出决定');
  }
  hints.push('罚款数额较大、吊销许可证件、责令关闭或经过听证的，属重大执法决定，提交后先经法制审核');
  return hints;
}

/** "拟罚款 15,000 元，幅度 10,000 元 – 30,000 元" for the fine's line. */
export function fineAgainstRange(check: FineCheck): string {
  if (check.fen === null || !check.assessment) return '';
  return check.outside ? `超出幅度（${rangeText(check.assessment.range)}）` : `在幅度内（${rangeText(check.assessment.range)}）`;
}

// ── 结案、撤销立案、变更案由、强制措施 ─────────────────────────────────────────────────────────────

/** A reason of at least two characters (the server's rule), at most REASON_MAX. */
export function reasonProblem(reason: string, what = '理由'): string | null {
  const text = reason.trim();
  if (text.length < 2) return `请写明${what}（至少2个字）`;
  if (text.length > REASON_MAX) return `${what}不能超过${REASON_MAX}个字`;
  return null;
}

export interface CauseForm {
  to: string;
  reason: string;
}

export type CauseField = 'to' | 'reason';
export const CAUSE_FIELD_LABELS: Record<CauseField, string> = { to: '新的违法条款', reason: '变更理由' };

export function causeRequest(view: PenaltyCaseView, form: CauseForm): Built<CauseChangeRequest, CauseField> {
  const errors: Partial<Record<CauseField, string>> = {};
  const to = form.to.trim();
  if (!to) errors.to = '请填写新的违法条款编号';
  else if (!CLAUSE.test(to)) errors.to = '条款编号只含字母、数字和 - _ . :';
  else if (to === view.cause) errors.to = '新案由与原案由相同';
  const reason = reasonProblem(form.reason, '变更理由');
  if (reason) errors.reason = reason;
  return Object.keys(errors).length ? { errors } : { request: { to, reason: form.reason.trim() } };
}

export interface CoerciveForm {
  kind: CoerciveMeasureKind;
  items: string;
  documentNo: string;
  /** YYYY-MM-DD; empty: today. */
  startedOn: string;
}

export type CoerciveField = 'kind' | 'items' | 'documentNo' | 'startedOn';
export const COERCIVE_FIELD_LABELS: Record<CoerciveField, string> = { kind: '措施', items: '查封扣押的财物', documentNo: '决定书文号', startedOn: '开始日期' };

export function emptyCoerciveForm(): CoerciveForm {
  return { kind: 'seal', items: '', documentNo: '', startedOn: '' };
}

export function coerciveRequest(form: CoerciveForm, today: string): Built<CoerciveMeasureRequest, CoerciveField> {
  const errors: Partial<Record<CoerciveField, string>> = {};
  const items = form.items.trim();
  if (items.length < 2) errors.items = '请写明查封、扣押的场所、设施或财物（至少2个字）';
  else if (items.length > REASON_MAX) errors.items = `不能超过${REASON_MAX}个字`;
  const documentNo = form.documentNo.trim();
  if (documentNo.length < 2 || documentNo.length > 64) errors.documentNo = '请填写决定书文号（2–64个字）';
  const startedOn = form.startedOn.trim();
  if (startedOn && !isCalendarDate(startedOn)) errors.startedOn = '日期应写成 年-月-日，如 2026-12-01';
  else if (startedOn > today) errors.startedOn = '开始日期不能晚于今天';
  if (Object.keys(errors).length) return { errors };
  const request: CoerciveMeasureRequest = { kind: form.kind, items, documentNo };
  if (startedOn) request.startedOn = startedOn;
  return { request };
}
