/** One SMS ready for a provider. */
export interface OutgoingSms {
  /** Our `sms_messages` id: sent along (Aliyun OutId, Tencent SessionContext) and kept in receipts. */
  messageId: string;
  /** Mainland mobile number, 11 digits, in the clear only while sending. */
  phone: string;
  templateId: string;
  /** Aliyun's named variables. */
  params: Record<string, string>;
  /** Tencent's positional variables. */
  positional: string[];
  text: string;
  /** `text` with the link's token or the rating code masked, for logs. */
  loggedText: string;
  link: string;
}

/**
 * What became of one SMS: taken by the provider, refused for good, or worth another try later.
 * `unanswered`: the request went out and no answer came back (a read timeout, a connection cut
 * mid-answer), so the provider may have taken it all the same.
 */
export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; permanent: boolean; code: string; message: string; unanswered?: boolean };

/** What a provider says of a message whose answer was lost: sent (its id when the provider tells it), or not. */
export type SentLookup = { sent: true; providerMessageId: string | null } | { sent: false };

/** An SMS provider behind one interface. `send` never rejects: every message gets an outcome. */
export interface SmsProvider {
  readonly name: 'outbox' | 'aliyun' | 'tencent';
  /** Most messages one call may carry (Aliyun's batch send takes 100 with their own variables). */
  readonly maxBatch: number;
  send(batch: OutgoingSms[]): Promise<SendOutcome[]>;
  /**
   * Whether the provider took this message in an attempt whose answer was lost (asked before sending
   * it again); rejects when the provider cannot be asked. Providers without it are sent to again.
   */
  findSent?(sms: OutgoingSms): Promise<SentLookup>;
  close?(): Promise<void>;
}

/** The error code kept on a message whose last attempt went unanswered: the next attempt asks the provider first. */
export const NO_ANSWER = 'NO_ANSWER';

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/**
 * Aliyun codes that no retry can fix: the number, the template, the signature or the content is
 * refused. Everything else (system errors, throttling `isv.BUSINESS_LIMIT_CONTROL`, an empty
 * balance, permissions an operator can still fix) is retried with backoff.
 */
const ALIYUN_PERMANENT = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.SMS_SIGN_ILLEGAL',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.PARAM_NOT_SUPPORT_URL',
  'isv.INVALID_JSON_PARAM',
  'isv.INVALID_PARAMETERS',
  'isv.SMS_CONTENT_ILLEGAL',
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL',
]);

/** Tencent codes that no retry can fix (bad number, template or signature not approved, URL in a variable, …). */
const TENCENT_PERMANENT_PREFIXES = [
  'InvalidParameterValue.IncorrectPhoneNumber',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter',
  'InvalidParameterValue.TemplateParameterFormatError',
  'InvalidParameterValue.TemplateParameterLengthLimit',
  'InvalidParameterValue.ContentLengthLimit',
  'InvalidParameterValue.SdkAppIdNotExist',
  'FailedOperation.TemplateIncorrectOrUnapproved',
  'FailedOperation.SignatureIncorrectOrUnapproved',
  'FailedOperation.PhoneNumberInBlacklist',
  'FailedOperation.ContainSensitiveWord',
  'FailedOperation.MissingSignature',
  'FailedOperation.MissingTemplate',
  'UnsupportedOperation.',
];

export function aliyunIsPermanent(code: string): boolean {
  return ALIYUN_PERMANENT.has(code);
}

export function tencentIsPermanent(code: string): boolean {
  return TENCENT_PERMANENT_PREFIXES.some((prefix) => code === prefix || (prefix.endsWith('.') && code.startsWith(prefix)));
}

/**
 * A transport failure (timeout, refused connection, HTTP 5xx without a code) as a retryable outcome.
 * Unanswered unless the request surely never left: a refused or unroutable connection, or an HTTP
 * status. A timeout counts as unanswered whatever the SDK calls it: Aliyun's reports a request the
 * provider received as a ConnectTimeout when it went out on a kept-alive connection.
 */
export function transportFailure(error: unknown): SendOutcome {
  const e = error as { code?: unknown; name?: string; message?: string; statusCode?: number; httpCode?: number };
  const status = e.statusCode ?? e.httpCode;
  const code = typeof e.code === 'string' && e.code ? e.code : status ? `HTTP_${status}` : e.name || 'NETWORK';
  const message = (e.message ?? String(error)).slice(0, 300);
  const neverSent = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/.test(`${code} ${message}`);
  const unanswered = !status && !neverSent && /timeout|timed out|ECONNRESET|socket hang up|EPIPE/i.test(`${code} ${message}`);
  return { ok: false, permanent: false, code: code.slice(0, 64), message, ...(unanswered ? { unanswered } : {}) };
}
