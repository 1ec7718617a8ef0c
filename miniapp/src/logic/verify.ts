import { ErrorCode, outcomeLabel, VIOLATION_COLOURS, type PublicChecklistResult, type PublicTrailActor, type PublicTrailStep, type ViolationColour } from '@mashang/shared';
import { chineseDate } from './dates';
import { ApiError, ClientErrorCode } from './api-error';

/** What the enterprise is told to do whenever a code does not check out. */
export const REFUSE_ADVICE = '可拒绝检查，并拨打 12345 或向司法局反映。';

const TOKEN_SHAPE = /^[A-Za-z0-9._~-]{1,512}$/;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The token in a code link: `…/v/<token>` or `…?c=<token>`. */
function tokenInLink(link: string): string | null {
  const text = decode(link).trim();
  const match = /\/v\/([^/?#\s]+)/.exec(text) ?? /[?&]c=([^&#\s]+)/.exec(text);
  return match ? decode(match[1]) : null;
}

/**
 * The inspection code a verification page was opened with: `c` (the H5 link /v/<token> is
 * redirected to ?c=<token>), or `q`, the scanned URL WeChat hands a mini-program page opened from
 * a QR code. Null when there is none or it cannot be a token.
 */
export function codeFromParams(params: Partial<Record<string, string | undefined>>): string | null {
  const candidate = params.c ? decode(params.c).trim() : params.q ? tokenInLink(params.q) : null;
  return candidate && TOKEN_SHAPE.test(candidate) ? candidate : null;
}

export interface VerifyFailure {
  /** The banner: 核验未通过, or 暂时无法核验 when the phone could not reach us. */
  title: string;
  message: string;
  /** What to do now. */
  advice: string;
  /** A retry can help (network, server trouble); a refused code stays refused. */
  retry: boolean;
}

const CODE_REFUSALS: readonly string[] = [ErrorCode.CodeInvalid, ErrorCode.CodeExpired, ErrorCode.CodeCancelled];

/** How a failed check is shown to the enterprise. */
export function verifyFailure(error: unknown): VerifyFailure {
  if (error instanceof ApiError && (CODE_REFUSALS.includes(error.code) || error.status === 404)) {
    return { title: '核验未通过', message: error.message, advice: REFUSE_ADVICE, retry: false };
  }
  if (error instanceof ApiError && error.code === ClientErrorCode.Network) {
    return {
      title: '暂时无法核验',
      message: '网络连接失败，未能核验检查码。',
      advice: `请检查网络后点“重新核验”。核验通过前，${REFUSE_ADVICE}`,
      retry: true,
    };
  }
  return {
    title: '暂时无法核验',
    message: error instanceof ApiError ? error.displayMessage : '核验失败，请稍后再试。',
    advice: `请稍后点“重新核验”。核验通过前，${REFUSE_ADVICE}`,
    retry: true,
  };
}

/** No code in the link at all (a cut-off or hand-typed link). */
export const MISSING_CODE: VerifyFailure = {
  title: '核验未通过',
  message: '链接里没有检查码，或检查码不完整，无法核验。请让执法人员出示检查码，用手机重新扫码。',
  advice: REFUSE_ADVICE,
  retry: false,
};

/** A step of the trail as one line: `检查结果：食品经营许可检查：合格`, or the step alone. */
export function trailStepText(step: Pick<PublicTrailStep, 'step' | 'detail'>): string {
  return step.detail ? `${step.step}：${step.detail}` : step.step;
}

/** Who took a step: an officer with the certificate number to check against the card at the door. */
export function trailActorText(by: PublicTrailActor): string {
  return by.certNo ? `${by.name}（执法证号 ${by.certNo}）` : by.name;
}

/** One agency's result on a row of the enterprise's list, in plain words: what was found, its colour and what to do. */
export function checklistResultText(result: PublicChecklistResult): { result: string; colour: ViolationColour | null; advice: string } {
  if (!result.outcome) return { result: '尚未记录', colour: null, advice: '' };
  const found = outcomeLabel(result.outcome);
  const deadline = result.outcome === 'rectify' && result.rectifyBy && result.colour !== 'green' ? `，整改期限 ${chineseDate(result.rectifyBy)}` : '';
  const advice = result.colour ? VIOLATION_COLOURS[result.colour].enterprise : '';
  return { result: `${found}${deadline}`, colour: result.colour, advice };
}

/** The colour's name as the enterprise reads it. */
export function colourName(colour: ViolationColour): string {
  return VIOLATION_COLOURS[colour].label;
}
