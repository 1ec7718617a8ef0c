/**
 * SMS evaluation (短信评价): after an inspection the enterprise gets one SMS and rates each agency
 * of it on a public page (no login), reached by a personal link or a fixed address plus a code.
 */

/** The four dimensions, in the order the page asks them; each scored 1–5. */
export const RATING_DIMENSIONS = ['language', 'procedure', 'manner', 'fairness'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

export const RATING_DIMENSION_LABELS: Record<RatingDimension, string> = {
  language: '执法语言是否文明',
  procedure: '执法程序是否规范',
  manner: '执法方式是否柔性',
  fairness: '执法结果是否公平',
};

export const RATING_SCORE_MIN = 1;
export const RATING_SCORE_MAX = 5;

export type RatingVerdict = 'approve' | 'disapprove';
export const RATING_VERDICTS: readonly RatingVerdict[] = ['approve', 'disapprove'];
export const RATING_VERDICT_LABELS: Record<RatingVerdict, string> = { approve: '认可', disapprove: '不认可' };

/** What went wrong, in the exchange format's canonical order. */
export const RATING_PROBLEMS = ['repeated', 'inaction', 'excessive', 'other'] as const;
export type RatingProblem = (typeof RATING_PROBLEMS)[number];

export const RATING_PROBLEM_LABELS: Record<RatingProblem, string> = {
  repeated: '重复检查',
  inaction: '不作为',
  excessive: '滥检查',
  other: '其他',
};

export const RATING_COMMENT_MAX = 500;

/**
 * Fewest ratings an agency's own figures (satisfaction and the like) are shown over: with fewer, an
 * agency could tell how one enterprise rated it. Individual ratings are for supervisors and
 * discipline inspectors only.
 */
export const AGENCY_AGGREGATE_MIN_RATINGS = 5;

/** What an agency admin's satisfaction table says of the threshold. */
export const AGENCY_SATISFACTION_NOTE = `本部门近一年评价满${AGENCY_AGGREGATE_MIN_RATINGS}条后显示汇总，以免识别出评价企业；单条评价仅执法监督、纪检监察部门可见。`;

/** Why a rating went to the supervisor, strongest first: a disapproval, a low score, problems ticked. */
export type PoorRatingRule = 'disapprove' | 'low-score' | 'problems';
export const POOR_RATING_RULE_LABELS: Record<PoorRatingRule, string> = {
  disapprove: '企业不认可本次检查',
  'low-score': '评分偏低',
  problems: '企业反映存在问题',
};

/**
 * The one line a poor rating's flagged case is listed under: the agency and the kind of complaint,
 * never the scores or the comment (the rated agency reads the list).
 */
export function ratingCaseTitle(agencyName: string | null, rule: string | null): string {
  const why = POOR_RATING_RULE_LABELS[rule as PoorRatingRule] ?? '企业评价较差';
  return agencyName ? `企业差评：${agencyName}（${why}）` : `企业差评（${why}）`;
}

/** One agency's rating as the enterprise submits it. */
export interface RatingInput {
  agencyId: string;
  language: number;
  procedure: number;
  manner: number;
  fairness: number;
  verdict: RatingVerdict;
  flags: RatingProblem[];
  comment?: string | null;
}

/** One or more agencies of the inspection rated at once (all or nothing). */
export interface SubmitRatingsRequest {
  ratings: RatingInput[];
}

export interface SubmitRatingsResponse {
  /** Agencies rated by this request. */
  rated: string[];
  /** Agencies of the inspection still unrated. */
  remaining: number;
}

/** What the rating page shows: the inspection and, per agency, whether it is rated yet. */
export interface RatingInviteView {
  enterprise: { name: string };
  /** YYYY-MM-DD, Asia/Shanghai. */
  inspectionDate: string;
  joint: boolean;
  agencies: {
    agencyId: string;
    name: string;
    officers: { name: string; certNo: string }[];
    rated: boolean;
  }[];
  expiresAt: string;
}

/** link: the SMS carries a personal link; code: a fixed address plus a short rating code. */
export type SmsMode = 'link' | 'code';
export type SmsKind = 'invite' | 'reminder';
/**
 * queued → accepted (the provider took it) → delivered / undelivered (its receipt);
 * failed: refused for good or out of retries; skipped: a reminder not needed any more.
 */
export type SmsStatus = 'queued' | 'accepted' | 'delivered' | 'undelivered' | 'failed' | 'skipped';

export const SMS_STATUS_LABELS: Record<SmsStatus, string> = {
  queued: '待发送',
  accepted: '已提交运营商',
  delivered: '已送达',
  undelivered: '未送达',
  failed: '发送失败',
  skipped: '无需发送',
};

/** An invite as the agency and the supervisor see it (phone masked; what tells who rated, for overseers only). */
export interface RatingInviteSummary {
  id: string;
  groupId: string;
  creditCode: string;
  enterpriseName: string;
  /** Masked, e.g. 138****5678; null when the enterprise has no phone on file (nothing is sent). */
  phone: string | null;
  mode: SmsMode;
  createdAt: string;
  expiresAt: string;
  /** `rated` for supervisors and discipline only: an agency is not told whether the enterprise rated. */
  agencies: { agencyId: string; name: string; rated?: boolean }[];
  /** An agency sees its invite's delivery; the reminders (sent only while unrated) are for supervisors and discipline. */
  messages: {
    kind: SmsKind;
    status: SmsStatus;
    attempts: number;
    errorCode: string | null;
    errorMessage: string | null;
    acceptedAt: string | null;
    reportedAt: string | null;
  }[];
}

/** A message the local outbox provider "sent" (nothing leaves the machine). */
export interface OutboxMessage {
  id: number;
  phone: string;
  text: string;
  link: string;
  sentAt: string;
}

/**
 * Rating codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
 * `ABCD-2345`. About 40 bits, and wrong guesses are rate-limited.
 */
export const RATING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RATING_CODE_LENGTH = 8;

/** The code as typed (any case, spaces or dashes) in canonical form, or null if it cannot be one. */
export function normaliseRatingCode(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s\-–—_.·]/g, '');
  if (compact.length !== RATING_CODE_LENGTH) return null;
  for (const char of compact) if (!RATING_CODE_ALPHABET.includes(char)) return null;
  return compact;
}

/** `ABCD2345` → `ABCD-2345`, easier to read out and type. */
export function formatRatingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Personal link tokens: 22 URL-safe characters (128 bits). */
export const RATING_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
