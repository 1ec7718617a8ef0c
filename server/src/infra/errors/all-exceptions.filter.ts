import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@mashang/shared';
import type { FastifyReply } from 'fastify';
import { DomainError, TryLaterError } from './domain-error.js';
import { codeForStatus, ERROR_STATUS } from './error-status.js';
import { RETRY_AFTER_SECONDS, ServiceUnavailableError, unavailableDependency } from './unavailable.js';

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求格式不正确',
  401: '请先登录',
  403: '无权执行此操作',
  404: '请求的资源不存在',
  405: '不支持该请求方法',
  413: '提交的内容过大',
  415: '不支持的内容类型',
  429: '请求过于频繁，请稍后再试',
};

/**
 * Every error leaves the server in one shape; 5xx bodies hide internals behind an errorId. A database
 * (or Redis) out of reach answers 503 with `Retry-After`: the request was fine and may be sent again.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, retryAfter } = this.toBody(exception);
    if (retryAfter) void reply.header('retry-after', String(retryAfter));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody; retryAfter?: number } {
    if (exception instanceof TryLaterError) return { ...this.domainBody(exception), retryAfter: exception.retryAfterSeconds };
    if (exception instanceof DomainError) return this.domainBody(exception);
    const dependency = unavailableDependency(exception);
    if (dependency) {
      const errorId = randomUUID();
      // One line, no stack: an outage sends many of these, and the cause is all there is to say.
      const cause = (exception instanceof ServiceUnavailableError ? exception.cause : exception) as { code?: string; message?: string } | undefined;
      this.logger.warn(`errorId=${errorId} ${dependency} unavailable: ${[cause?.code, cause?.message].filter(Boolean).join(' ') || 'no answer'}`);
      return {
        status: 503,
        body: { error: { code: ErrorCode.Unavailable, message: '服务暂时不可用，请稍后再试', errorId } },
        retryAfter: exception instanceof ServiceUnavailableError ? exception.retryAfterSeconds : RETRY_AFTER_SECONDS,
      };
    }
    const status = exception instanceof HttpException ? exception.getStatus() : statusOfFastifyError(exception);
    if (status && status < 500) {
      return { status, body: { error: { code: codeForStatus(status), message: STATUS_MESSAGES[status] ?? '请求无法处理' } } };
    }
    const errorId = randomUUID();
    this.logger.error(`errorId=${errorId} ${(exception as Error)?.stack ?? String(exception)}`);
    return {
      status: 500,
      body: { error: { code: ErrorCode.Internal, message: '服务器内部错误，请稍后再试', errorId } },
    };
  }

  private domainBody(exception: DomainError): { status: number; body: ErrorBody } {
    const error: ErrorBody['error'] = { code: exception.code, message: exception.message };
    if (exception.fields?.length) error.fields = exception.fields;
    if (exception.refusals?.length) error.refusals = exception.refusals;
    return { status: ERROR_STATUS[exception.code], body: { error } };
  }
}

/** Fastify's own errors (body too large, bad JSON, wrong content type) carry a 4xx statusCode. */
function statusOfFastifyError(exception: unknown): number | null {
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : null;
}
