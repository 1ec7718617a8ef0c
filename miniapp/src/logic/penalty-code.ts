import {
  DISCRETION_LEVEL_LABELS,
  ErrorCode,
  PARTY_SUBMISSION_ACTION_LABELS,
  PARTY_SUBMISSION_DONE_LABELS,
  PARTY_SUBMISSION_KIND_LABELS,
  PARTY_SUBMISSION_TEXT_MAX,
  PENALTY_STAGE_LABELS,
  SHANGHAI_OFFSET_MS,
  type DiscretionLevel,
  type PartySubmissionKind,
  type SupervisionCodeView,
} from '@mashang/shared';
import { ApiError, ClientErrorCode } from './api-error';
import { chineseDate } from './dates';

/*
 * The supervision code page (监督码) in plain TS: the code from the link, amounts in yuan, deadlines in
 * Asia/Shanghai, which of the three actions to offer, the draft checked before it is sent, failures
 * in the party's words.
 */

const TOKEN = /^[A-Za-z0-9_-]{22}$/;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The code the page was opened with: `t` (the server sends /p/<token> to ?t=), or the URL WeChat
 * hands a mini-program page opened from the notice's QR as `q`. Null when there is none.
 */
export function penaltyTokenFromParams(params: Partial<Record<string, string | undefined>>): string | null {
  if (params.t) {
    const token = decode(params.t).trim();
    return TOKEN.test(token) ? token : null;
  }
  if (params.q) {
    const link = decode(params.q);
    const match = /\/p\/([A-Za-z0-9_-]{22})(?:[/?#]|$)/.exec(link) ?? /[?&]t=([A-Za-z0-9_-]{22})(?:&|$)/.exec(link);
    return match ? match[1] : null;
  }
  return null;
}

/** Fen as yuan for people: 2000000 → 20,000元; 12345 → 123.45元. */
export function yuan(fen: number): string {
  const whole = Math.trunc(Math.abs(fen) / 100);
  const cents = Math.abs(fen) % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${grouped}${cents ? `.${String(cents).padStart(2, '0')}` : ''}元`;
}

/** A factor's points with their sign: +3分, -2分. */
export function pointsText(points: number): string {
  return `${points > 0 ? '+' : ''}${points}分`;
}

export function levelText(level: DiscretionLevel | null): string {
  return level ? DISCRETION_LEVEL_LABELS[level] : '尚未确定';
}

export function rangeText(range: { min: number; max: number } | null): string {
  return range ? `${yuan(range.min)} 至 ${yuan(range.max)}` : '尚未确定';
}

export function stageText(view: Pick<SupervisionCodeView, 'stage'>): string {
  return PENALTY_STAGE_LABELS[view.stage] ?? view.stage;
}

/**
 * A period's end as people say it, in Asia/Shanghai: an end at midnight is the day before at 24:00
 * (2026年3月5日 24:00前), anything else that day and time; and how long is left, or that it is over.
 */
export function deadlineText(until: string, now: number): string {
  const end = Date.parse(until);
  if (Number.isNaN(end)) return until;
  const local = new Date(end + SHANGHAI_OFFSET_MS).toISOString();
  const atMidnight = local.slice(11, 16) === '00:00';
  const day = atMidnight ? new Date(end + SHANGHAI_OFFSET_MS - 1).toISOString().slice(0, 10) : local.slice(0, 10);
  const when = `${chineseDate(day, false)} ${atMidnight ? '24:00' : local.slice(11, 16)}前`;
  if (end <= now) return `${when}（已届满）`;
  const hours = Math.ceil((end - now) / 3_600_000);
  return `${when}（还剩${hours > 48 ? `${Math.ceil(hours / 24)}天` : `${hours}小时`}）`;
}

export interface PenaltyAction {
  kind: PartySubmissionKind;
  /** The button: 提交陈述申辩 / 申请听证 / 对裁量提出异议. */
  label: string;
  /** One line on what it does and until when. */
  hint: string;
}

const ACTION_HINTS: Record<PartySubmissionKind, string> = {
  statement: '对认定的事实、依据或拟处罚有意见，可以陈述、申辩，办案机关应当复核',
  hearing: '拟罚款数额较大，您有权要求举行听证',
  objection: '认为裁量因素或裁量等级不当，可以提出异议，直接交司法局执法监督部门核查',
};

/** The actions to offer, as the server says they are open now (none once the case is closed or revoked); the deadlines are shown above them. */
export function openActions(view: Pick<SupervisionCodeView, 'open'>): PenaltyAction[] {
  return view.open.map((kind) => ({ kind, label: PARTY_SUBMISSION_ACTION_LABELS[kind], hint: ACTION_HINTS[kind] }));
}

/** What the text box asks for. */
export function draftPlaceholder(kind: PartySubmissionKind): string {
  if (kind === 'hearing') return '可写明申请听证的事项和理由（可不填）';
  if (kind === 'objection') return '请写明您认为哪项裁量因素或裁量等级不当，以及理由';
  return '请写明您的事实、理由，以及希望办案机关考虑的情况';
}

/** The draft as it will be sent, or what is wrong with it (the same rules the server applies). */
export function checkDraft(kind: PartySubmissionKind, text: string): { text: string } | { problem: string } {
  const trimmed = text.trim();
  if (!trimmed && kind !== 'hearing') return { problem: kind === 'objection' ? '请写明对裁量有异议的理由' : '请写明陈述申辩的事实和理由' };
  const length = [...trimmed].length;
  if (length > PARTY_SUBMISSION_TEXT_MAX) return { problem: `内容不能超过${PARTY_SUBMISSION_TEXT_MAX}字，现在是${length}字` };
  return { text: trimmed };
}

/** The confirmation's question before anything is sent. */
export function confirmQuestion(kind: PartySubmissionKind): string {
  return `确认${PARTY_SUBMISSION_ACTION_LABELS[kind]}吗？提交后不能修改或撤回。`;
}

export function doneMessage(kind: PartySubmissionKind): string {
  return PARTY_SUBMISSION_DONE_LABELS[kind];
}

/** What the party has sent so far, one line each: 陈述申辩 2026-03-03 10:00. */
export function submissionLines(view: Pick<SupervisionCodeView, 'submissions'>): string[] {
  return view.submissions.map((s) => {
    const local = new Date(Date.parse(s.at) + SHANGHAI_OFFSET_MS).toISOString();
    return `${PARTY_SUBMISSION_KIND_LABELS[s.kind]} ${local.slice(0, 10)} ${local.slice(11, 16)}`;
  });
}

/** Why nothing more can be sent, when nothing is open. */
export function readOnlyLine(view: Pick<SupervisionCodeView, 'stage' | 'open'>): string | null {
  if (view.open.length) return null;
  if (view.stage === 'closed') return '本案已结案，监督码只能查看。';
  if (view.stage === 'revoked') return '本案已撤销立案，监督码只能查看。';
  return '在线陈述申辩、听证和异议的期限均已届满，监督码只能查看。';
}

export interface PenaltyFailure {
  title: string;
  message: string;
  /** A retry can help (network, server trouble). */
  retry: boolean;
}

/** How a failed load or submission is shown to the party. */
export function penaltyFailure(error: unknown): PenaltyFailure {
  if (error instanceof ApiError) {
    if (error.code === ErrorCode.CodeInvalid || error.status === 404) return { title: '监督码无效', message: error.message, retry: false };
    if (error.code === ErrorCode.RateLimited) return { title: '请稍后再试', message: error.message, retry: false };
    if (error.code === ErrorCode.Conflict) return { title: '不能提交', message: error.message, retry: false };
    if (error.code === ErrorCode.ValidationFailed) return { title: '还没填好', message: error.message, retry: false };
    if (error.code === ClientErrorCode.Network) return { title: '网络不好', message: '网络连接失败，您写的内容还在，请检查网络后再试。', retry: true };
    return { title: '暂时无法打开', message: error.displayMessage, retry: true };
  }
  return { title: '暂时无法打开', message: '出了点问题，请稍后再试。', retry: true };
}
