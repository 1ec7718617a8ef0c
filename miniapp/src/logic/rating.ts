import {
  ErrorCode,
  RATING_DIMENSIONS,
  RATING_TOKEN_PATTERN,
  normaliseRatingCode,
  type RatingDimension,
  type ComplaintOutcome,
  type RatingInput,
  type RatingInviteView,
  type RatingProblem,
  type RatingVerdict,
} from '@mashang/shared';
import { ApiError, ClientErrorCode } from './api-error';

/** What the enterprise has filled in for one agency so far. */
export interface AgencyRatingForm {
  agencyId: string;
  scores: Partial<Record<RatingDimension, number>>;
  verdict: RatingVerdict | null;
  flags: RatingProblem[];
  comment: string;
}

/** The words under each score, so a tap on a star says what it means. */
export const SCORE_WORDS = ['', '很差', '较差', '一般', '较好', '很好'] as const;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The personal link token the page was opened with: `t` (the server sends /r/<token> to ?t=), or
 * the URL WeChat hands a mini-program page opened from a link or QR as `q`. Null for code mode.
 */
export function tokenFromParams(params: Partial<Record<string, string | undefined>>): string | null {
  if (params.t) {
    const token = decode(params.t).trim();
    return RATING_TOKEN_PATTERN.test(token) ? token : null;
  }
  if (params.q) {
    const match = /\/r\/([A-Za-z0-9_-]{22})(?:[/?#]|$)/.exec(decode(params.q)) ?? /[?&]t=([A-Za-z0-9_-]{22})(?:&|$)/.exec(decode(params.q));
    return match ? match[1] : null;
  }
  return null;
}

/** The typed code, checked before anything is sent: a wrong shape never costs one of the tries. */
export function checkTypedCode(text: string): { code: string } | { problem: string } {
  if (!text.trim()) return { problem: '请输入短信里的评价码' };
  const code = normaliseRatingCode(text);
  return code ? { code } : { problem: '评价码是8位字母和数字，请对照短信重新输入' };
}

/** One empty form per agency not rated yet, in the server's order. */
export function initialForms(view: RatingInviteView): AgencyRatingForm[] {
  return view.agencies.filter((a) => !a.rated).map((a) => ({ agencyId: a.agencyId, scores: {}, verdict: null, flags: [], comment: '' }));
}

export function setScore(form: AgencyRatingForm, dimension: RatingDimension, score: number): AgencyRatingForm {
  return { ...form, scores: { ...form.scores, [dimension]: score } };
}

export function toggleFlag(form: AgencyRatingForm, flag: RatingProblem): AgencyRatingForm {
  return { ...form, flags: form.flags.includes(flag) ? form.flags.filter((f) => f !== flag) : [...form.flags, flag] };
}

/** What is still missing for one agency, in plain words; empty when it can be sent. */
export function missingAnswers(form: AgencyRatingForm, agencyName: string): string[] {
  const missing: string[] = [];
  const unscored = RATING_DIMENSIONS.filter((d) => !form.scores[d]).length;
  if (unscored) missing.push(`${agencyName}还有${unscored}项没有打分`);
  if (!form.verdict) missing.push(`请选择是否认可${agencyName}的这次检查`);
  return missing;
}

/** The request body for every agency on the page (each must be complete). */
export function toRatings(forms: AgencyRatingForm[]): RatingInput[] {
  return forms.map((form) => {
    const [language, procedure, manner, fairness] = RATING_DIMENSIONS.map((d) => form.scores[d] ?? 0);
    return { agencyId: form.agencyId, language, procedure, manner, fairness, verdict: form.verdict ?? 'approve', flags: form.flags, comment: form.comment.trim() || null };
  });
}

export interface RateFailure {
  title: string;
  message: string;
  /** A retry can help (network, server trouble). */
  retry: boolean;
  /** Show the code box again (a wrong code, or no credential at all). */
  askCode: boolean;
}

/** How a failed load or submit is shown to the enterprise. */
export function rateFailure(error: unknown): RateFailure {
  if (error instanceof ApiError) {
    if (error.code === ErrorCode.Conflict) return { title: '已经评价过了', message: error.message, retry: false, askCode: false };
    if (error.code === ErrorCode.CodeExpired) return { title: '评价已过期', message: error.message, retry: false, askCode: false };
    if (error.code === ErrorCode.CodeInvalid) return { title: '无法评价', message: error.message, retry: false, askCode: true };
    if (error.code === ErrorCode.RateLimited) return { title: '请稍后再试', message: error.message, retry: false, askCode: false };
    if (error.code === ErrorCode.ValidationFailed) return { title: '还没填好', message: error.message, retry: false, askCode: false };
    if (error.code === ClientErrorCode.Network) return { title: '网络不好', message: '网络连接失败，您填的内容还在，请检查网络后再点一次。', retry: true, askCode: false };
    return { title: '暂时无法评价', message: error.displayMessage, retry: true, askCode: false };
  }
  return { title: '暂时无法评价', message: '出了点问题，请稍后再试。', retry: true, askCode: false };
}

/** One line of what the supervisor did with a complaint, in the enterprise's words. */
export function outcomeLine(outcome: Pick<ComplaintOutcome, 'agencyName' | 'statusLabel' | 'conclusionLabel'>): string {
  const result = outcome.conclusionLabel ? `，结论：${outcome.conclusionLabel}` : '';
  return `对${outcome.agencyName ?? '执法部门'}的评价：${outcome.statusLabel}${result}`;
}
