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

/** What became of one SMS: taken by the provider, refused for good, or worth another try later. */
export type SendOutcome =
  | { ok: true; providerMessageId: string }
  | { ok: false; permanent: boolean; code: string; message: string };

/** An SMS provider behind one interface. `send` never rejects: every message gets an outcome. */
export interface SmsProvider {
  readonly name: 'outbox' | 'aliyun' | 'tencent';
  /** Most messages one call may carry (Aliyun's batch send takes 100 with their own variables). */
  readonly maxBatch: number;
  send(batch: OutgoingSms[]): Promise<SendOutcome[]>;
  close?(): Promise<void>;
}

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

/** A transport failure (timeout, refused connection, HTTP 5xx without a code) as a retryable outcome. */
export function transportFailure(error: unknown): SendOutcome {
  const e = error as { code?: unknown; name?: string; message?: string; statusCode?: number; httpCode?: number };
  const status = e.statusCode ?? e.httpCode;
  const code = typeof e.code === 'string' && e.code ? e.code : status ? `HTTP_${status}` : e.name || 'NETWORK';
  return { ok: false, permanent: false, code: code.slice(0, 64), message: (e.message ?? String(error)).slice(0, 300) };
}
