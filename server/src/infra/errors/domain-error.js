import { ErrorCode } from '@mashang/shared';
/** A refusal the user can act on. The filter turns `code` into the HTTP status. */
export class DomainError extends Error {
    code;
    fields;
    constructor(code, message, fields) {
        super(message);
        this.code = code;
        this.fields = fields;
    }
}
export const notFound = (what) => new DomainError(ErrorCode.NotFound, `${what}不存在`);
export const forbidden = (why = '无权执行此操作') => new DomainError(ErrorCode.Forbidden, why);
export const invalid = (field, reason) => new DomainError(ErrorCode.ValidationFailed, `${field}: ${reason}`, [{ field, reason }]);
