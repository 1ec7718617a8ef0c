import { ErrorCode, type ErrorBody, type FieldError, type RuleRefusal } from '@mashang/shared';

/** Failures that never produced a server error body. */
export const ClientErrorCode = {
  Network: 'NETWORK_ERROR',
  UnexpectedResponse: 'UNEXPECTED_RESPONSE',
  /** wx.login itself failed, before anything was sent to our server. */
  WechatLogin: 'WECHAT_LOGIN_FAILED',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export interface ApiErrorInit {
  status: number;
  code: ErrorCode | ClientErrorCode;
  message: string;
  fields?: FieldError[];
  /** RULE_REFUSED: each business rule the request breaks, with what would satisfy it. */
  refusals?: RuleRefusal[];
  errorId?: string;
}

/** A failed API call, with the server's Chinese message (or one of ours when it sent none). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: FieldError[];
  readonly refusals: RuleRefusal[];
  readonly errorId?: string;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.refusals = init.refusals ?? [];
    this.errorId = init.errorId;
  }

  /** The message to show a person; a 500's error id is added because support asks for it. */
  get displayMessage(): string {
    return this.errorId ? `${this.message}（错误编号：${this.errorId}）` : this.message;
  }
}

/** Fallbacks for bodies that are not ours, e.g. a proxy's HTML page on 502. */
const STATUS_FALLBACKS: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: ErrorCode.BadRequest, message: '请求有误，请检查后重试' },
  401: { code: ErrorCode.Unauthenticated, message: '登录已失效，请重新登录' },
  403: { code: ErrorCode.Forbidden, message: '没有权限执行此操作' },
  404: { code: ErrorCode.NotFound, message: '请求的内容不存在' },
  409: { code: ErrorCode.Conflict, message: '数据已被修改，请刷新后重试' },
  413: { code: ErrorCode.PayloadTooLarge, message: '提交的内容过大' },
  429: { code: ErrorCode.RateLimited, message: '操作太频繁，请稍后再试' },
  503: { code: ErrorCode.Unavailable, message: '服务暂时不可用，请稍后再试' },
};
const SERVER_FALLBACK = { code: ErrorCode.Internal, message: '服务暂时不可用，请稍后再试' };

export function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** The mini-program hands over a non-JSON body as text; a JSON error may still be inside. */
function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Turns a non-2xx answer into an ApiError. */
export function apiErrorFromResponse(status: number, rawBody: unknown): ApiError {
  const body = parseBody(rawBody);
  if (isErrorBody(body)) {
    const { code, message, fields, refusals, errorId } = body.error;
    return new ApiError({ status, code, message, fields, refusals, errorId });
  }
  const fallback = STATUS_FALLBACKS[status] ?? (status >= 500 ? SERVER_FALLBACK : null);
  if (fallback) return new ApiError({ status, ...fallback });
  return new ApiError({
    status,
    code: ClientErrorCode.UnexpectedResponse,
    message: `服务器返回了无法识别的结果（${status}）`,
  });
}

/** The request never got an answer: offline, DNS, timeout, or a blocked domain in WeChat. */
export function networkError(): ApiError {
  return new ApiError({
    status: 0,
    code: ClientErrorCode.Network,
    message: '网络连接失败，请检查网络后重试',
  });
}

/** What to show for any thrown value, so pages never print "[object Object]". */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.displayMessage;
  return '操作失败，请稍后重试';
}
