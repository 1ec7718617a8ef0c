import { ErrorCode } from '@mashang/shared';
import {
  ApiError,
  ClientErrorCode,
  apiErrorFromResponse,
  errorMessage,
  isErrorBody,
  networkError,
} from './api-error';

describe('apiErrorFromResponse', () => {
  it('keeps the code, Chinese message and field errors of a server error body', () => {
    const error = apiErrorFromResponse(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '请求参数有误',
        fields: [{ field: 'username', reason: '不能为空' }],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(400);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toBe('请求参数有误');
    expect(error.fields).toEqual([{ field: 'username', reason: '不能为空' }]);
  });

  it('keeps the refusals of RULE_REFUSED, each with its remedy', () => {
    const refusal = {
      rule: 'advance-notice',
      message: '计划检查须至少提前7个自然日报备',
      remedy: '选择 2026-11-29 或之后的日期',
    };
    const error = apiErrorFromResponse(422, {
      error: { code: 'RULE_REFUSED', message: '不能报备：计划检查须至少提前7个自然日报备', refusals: [refusal] },
    });
    expect(error.code).toBe(ErrorCode.RuleRefused);
    expect(error.refusals).toEqual([refusal]);
    expect(apiErrorFromResponse(404, null).refusals).toEqual([]);
  });

  it('recognises WECHAT_UNBOUND on a 401', () => {
    const error = apiErrorFromResponse(401, {
      error: { code: 'WECHAT_UNBOUND', message: '该微信尚未绑定账号' },
    });
    expect(error.code).toBe(ErrorCode.WechatUnbound);
    expect(error.status).toBe(401);
  });

  it('parses an error body the mini-program delivered as text', () => {
    const error = apiErrorFromResponse(
      401,
      JSON.stringify({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } }),
    );
    expect(error.code).toBe(ErrorCode.InvalidCredentials);
    expect(error.message).toBe('用户名或密码错误');
  });

  it('adds the error id of a 500 to the message shown', () => {
    const error = apiErrorFromResponse(500, {
      error: { code: 'INTERNAL_ERROR', message: '服务器内部错误', errorId: 'e-42' },
    });
    expect(error.errorId).toBe('e-42');
    expect(error.displayMessage).toBe('服务器内部错误（错误编号：e-42）');
  });

  it('falls back to a Chinese message by status when the body is not ours', () => {
    const badGateway = apiErrorFromResponse(502, '<html>Bad Gateway</html>');
    expect(badGateway.code).toBe(ErrorCode.Internal);
    expect(badGateway.message).toBe('服务暂时不可用，请稍后再试');

    const expired = apiErrorFromResponse(401, null);
    expect(expired.code).toBe(ErrorCode.Unauthenticated);
    expect(expired.message).toBe('登录已失效，请重新登录');
    expect(expired.fields).toEqual([]);
  });

  it('names an unknown status instead of guessing', () => {
    const error = apiErrorFromResponse(418, {});
    expect(error.code).toBe(ClientErrorCode.UnexpectedResponse);
    expect(error.message).toContain('418');
  });
});

describe('isErrorBody', () => {
  it('requires error.code and error.message strings', () => {
    expect(isErrorBody({ error: { code: 'NOT_FOUND', message: '不存在' } })).toBe(true);
    expect(isErrorBody({ error: { code: 'NOT_FOUND' } })).toBe(false);
    expect(isErrorBody({ message: 'Not Found', statusCode: 404 })).toBe(false);
    expect(isErrorBody('error')).toBe(false);
    expect(isErrorBody(null)).toBe(false);
  });
});

describe('errorMessage', () => {
  it('shows an ApiError its own way and anything else generically', () => {
    expect(errorMessage(networkError())).toBe('网络连接失败，请检查网络后重试');
    expect(errorMessage(new TypeError('x is undefined'))).toBe('操作失败，请稍后重试');
    expect(errorMessage({ errMsg: 'login:fail' })).toBe('操作失败，请稍后重试');
  });

  it('gives network failures status 0', () => {
    expect(networkError()).toMatchObject({ status: 0, code: ClientErrorCode.Network });
  });
});
