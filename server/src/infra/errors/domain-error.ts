import { ErrorCode, type FieldError, type RuleRefusal } from '@mashang/shared';

/** A refusal the user can act on. The filter turns `code` into the HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly refusals?: RuleRefusal[],
  ) {
    super(message);
  }
}

/** A refusal for now (too many tries): 429, and the filter tells the client when to try again (`Retry-After`). */
export class TryLaterError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(ErrorCode.RateLimited, message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what}不存在`);
export const forbidden = (why = '无权执行此操作') => new DomainError(ErrorCode.Forbidden, why);
export const invalid = (field: string, reason: string) =>
  new DomainError(ErrorCode.ValidationFailed, `${field}: ${reason}`, [{ field, reason }]);
