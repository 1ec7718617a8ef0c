import { ErrorCode } from '@mashang/shared';

/** The one place where a domain error code becomes an HTTP status. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.WechatUnbound]: 401,
  [ErrorCode.WechatUpstream]: 502,
  [ErrorCode.SmsUpstream]: 502,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.RuleRefused]: 422,
  [ErrorCode.CodeInvalid]: 404,
  [ErrorCode.CodeExpired]: 410,
  [ErrorCode.CodeCancelled]: 410,
  [ErrorCode.AlreadyRecorded]: 409,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.Internal]: 500,
  [ErrorCode.Unavailable]: 503,
};

/** Codes for statuses raised by the framework itself (routing, body parsing, size limits). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 409:
      return ErrorCode.Conflict;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 415:
      return ErrorCode.UnsupportedMediaType;
    case 429:
      return ErrorCode.RateLimited;
    case 503:
      return ErrorCode.Unavailable;
    default:
      return status >= 500 ? ErrorCode.Internal : ErrorCode.BadRequest;
  }
}
