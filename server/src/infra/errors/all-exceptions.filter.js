var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Logger } from '@nestjs/common';
import { ErrorCode } from '@mashang/shared';
import { DomainError } from './domain-error.js';
import { codeForStatus, ERROR_STATUS } from './error-status.js';
const STATUS_MESSAGES = {
    400: '请求格式不正确',
    401: '请先登录',
    403: '无权执行此操作',
    404: '请求的资源不存在',
    405: '不支持该请求方法',
    413: '提交的内容过大',
    415: '不支持的内容类型',
    429: '请求过于频繁，请稍后再试',
};
/** Every error leaves the server in one shape; 5xx bodies hide internals behind an errorId. */
let AllExceptionsFilter = class AllExceptionsFilter {
    logger = new Logger('Errors');
    catch(exception, host) {
        const reply = host.switchToHttp().getResponse();
        const { status, body } = this.toBody(exception);
        void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
    }
    toBody(exception) {
        if (exception instanceof DomainError) {
            const error = { code: exception.code, message: exception.message };
            if (exception.fields?.length)
                error.fields = exception.fields;
            return { status: ERROR_STATUS[exception.code], body: { error } };
        }
        const status = exception instanceof HttpException ? exception.getStatus() : statusOfFastifyError(exception);
        if (status && status < 500) {
            return { status, body: { error: { code: codeForStatus(status), message: STATUS_MESSAGES[status] ?? '请求无法处理' } } };
        }
        const errorId = randomUUID();
        this.logger.error(`errorId=${errorId} ${exception?.stack ?? String(exception)}`);
        return {
            status: 500,
            body: { error: { code: ErrorCode.Internal, message: '服务器内部错误，请稍后再试', errorId } },
        };
    }
};
AllExceptionsFilter = __decorate([
    Catch()
], AllExceptionsFilter);
export { AllExceptionsFilter };
/** Fastify's own errors (body too large, bad JSON, wrong content type) carry a 4xx statusCode. */
function statusOfFastifyError(exception) {
    const statusCode = exception?.statusCode;
    return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : null;
}
