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

export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what}不存在`);
export const forbidden = (why = '无权执行此操作') => new DomainError(ErrorCode.Forbidden, why);
export const invalid = (field: string, reason: string) =>
  new DomainError(ErrorCode.ValidationFailed, `${field}: ${reason}`, [{ field, reason }]);
