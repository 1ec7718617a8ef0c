/**
 * How often SMS codes may be asked for and tried. Per phone: one a minute, 5 an hour, 10 a day (an SMS
 * costs money and a phone must not be flooded); per client address (an IPv6 /64): 20 an hour, an office's
 * shared line signing in several people. Wrong codes: 5 tries per code, then it is void; 20 wrong codes
 * per address per quarter hour.
 */
export const CODE_SEND_LIMITS = [
  { subject: 'phone', window: 'minute', seconds: 60, max: 1 },
  { subject: 'phone', window: 'hour', seconds: 3600, max: 5 },
  { subject: 'phone', window: 'day', seconds: 86_400, max: 10 },
  { subject: 'address', window: 'hour', seconds: 3600, max: 20 },
] as const;

/** At most `max` of something per subject (a phone, an address, an enterprise) in a window of `seconds`. */
export interface WindowLimit {
  subject: string;
  window: string;
  seconds: number;
  max: number;
}

export type CodeSendLimit = (typeof CODE_SEND_LIMITS)[number];

export const CODE_TRIES = 5;
export const WRONG_CODES_PER_ADDRESS = 20;
export const WRONG_CODE_WINDOW_SECONDS = 15 * 60;

/** What each limit has counted so far in its window, and how long the window has left (ms; ≤ 0 when none runs). */
export interface LimitCount {
  count: number;
  msLeft: number;
}

export type LimitDecision<L extends WindowLimit> = { ok: true } | { ok: false; limit: L; msLeft: number };
export type SendDecision = LimitDecision<CodeSendLimit>;

/** Whether one more is allowed under every limit (`counts` in the limits' order): refused by the one that keeps it waiting longest. */
export function limitDecision<L extends WindowLimit>(limits: readonly L[], counts: LimitCount[]): LimitDecision<L> {
  let refusal: LimitDecision<L> = { ok: true };
  limits.forEach((limit, i) => {
    const { count, msLeft } = counts[i];
    if (count < limit.max || msLeft <= 0) return;
    if (refusal.ok || msLeft > refusal.msLeft) refusal = { ok: false, limit, msLeft };
  });
  return refusal;
}

/** Whether another code may be sent. */
export function sendDecision(counts: LimitCount[]): SendDecision {
  return limitDecision(CODE_SEND_LIMITS, counts);
}

/** A wait in words: 42秒, 20分钟, 3小时. */
export function waitText(msLeft: number): string {
  const seconds = Math.max(1, Math.ceil(msLeft / 1000));
  return seconds <= 60 ? `${seconds}秒` : seconds < 3600 ? `${Math.ceil(seconds / 60)}分钟` : `${Math.ceil(seconds / 3600)}小时`;
}

/** The refusal's words: the enterprise is told when it may try again, not which counter it hit. */
export function sendRefusalMessage(decision: Extract<SendDecision, { ok: false }>): string {
  const wait = waitText(decision.msLeft);
  if (decision.limit.subject === 'address') return `本网络获取验证码过于频繁，请${wait}后再试。`;
  if (decision.limit.window === 'minute') return `验证码已发送，请${wait}后再重新获取。`;
  return `该手机号获取验证码次数过多，请${wait}后再试。`;
}
