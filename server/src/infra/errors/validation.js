import { ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@mashang/shared';
import { DomainError } from './domain-error.js';
function flatten(errors, prefix = '') {
    return errors.flatMap((error) => {
        const field = prefix ? `${prefix}.${error.property}` : error.property;
        const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
        return [...own, ...flatten(error.children ?? [], field)];
    });
}
/** Whitelisting validation: unknown fields are refused, each problem named by field. */
export function createValidationPipe() {
    return new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        exceptionFactory: (errors) => {
            const fields = flatten(errors);
            return new DomainError(ErrorCode.ValidationFailed, `输入有误：${fields.map((f) => `${f.field} ${f.reason}`).join('；')}`, fields);
        },
    });
}
