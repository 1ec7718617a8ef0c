import type { RefusalRule } from './refusal-rules.js';

/** Stable machine-readable error codes. The server maps each to one HTTP status. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  BadRequest: 'BAD_REQUEST',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  WechatUnbound: 'WECHAT_UNBOUND',
  WechatUpstream: 'WECHAT_UPSTREAM_FAILED',
  /** The SMS provider did not take a message that had to go now (a sign-in code). */
  SmsUpstream: 'SMS_UPSTREAM_FAILED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  RateLimited: 'RATE_LIMITED',
  /** A business rule refuses the request; `refusals` name each rule and what would satisfy it. */
  RuleRefused: 'RULE_REFUSED',
  /** An inspection code that this system never issued (forged or mistyped). */
  CodeInvalid: 'CODE_INVALID',
  CodeExpired: 'CODE_EXPIRED',
  CodeCancelled: 'CODE_CANCELLED',
  /** The same upload (same idempotency key) was recorded before; nothing changed. */
  AlreadyRecorded: 'ALREADY_RECORDED',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Internal: 'INTERNAL_ERROR',
  /** The database (or, where a request cannot do without it, Redis) is out of reach for now: try again after `Retry-After`. */
  Unavailable: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  field: string;
  reason: string;
}

/** The one body shape of every 4xx/5xx answer. */
export interface RuleRefusal {
  rule: RefusalRule;
  message: string;
  /** What would satisfy the rule. */
  remedy: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
    refusals?: RuleRefusal[];
    /** Present on 5xx answers only: quote it to support, the server log has the details. */
    errorId?: string;
  };
}
