import { ErrorCode } from '@mashang/shared';
import { ApiError, apiErrorFromResponse, networkError } from './api-error';
import { serverProblems } from './server-problems';

const LABELS = { cause: '违法条款', officerIds: '执法人员' };

describe('serverProblems', () => {
  it('keeps the refused rules with their remedies', () => {
    const error = apiErrorFromResponse(422, {
      error: { code: 'RULE_REFUSED', message: '不能作出决定：当事人陈述申辩期尚未届满', refusals: [{ rule: 'statement-period', message: '当事人陈述申辩期尚未届满', remedy: '期满后再作出决定' }] },
    });
    expect(serverProblems(error, LABELS)).toEqual({ fields: {}, refusals: [error.refusals[0]], message: '' });
  });

  it('puts field errors beside their fields in Chinese, never the message naming API keys', () => {
    const error = apiErrorFromResponse(400, {
      error: {
        code: 'VALIDATION_FAILED', message: '输入有误：cause must be a violation clause；officerIds.1 each must be an officer id；facts x',
        fields: [{ field: 'cause', reason: 'must be a violation clause' }, { field: 'officerIds.1', reason: 'each must be an officer id' }, { field: 'facts', reason: 'too short' }],
      },
    });
    expect(serverProblems(error, LABELS, { cause: '违法条款编号不正确' })).toEqual({
      fields: { cause: '违法条款编号不正确', officerIds: '执法人员填写有误' }, refusals: [], message: '提交的内容有误，请检查后重试',
    });
    const chinese = apiErrorFromResponse(400, { error: { code: 'VALIDATION_FAILED', message: 'cause: 没有该违法条款的裁量基准', fields: [{ field: 'cause', reason: '没有该违法条款的裁量基准' }] } });
    expect(serverProblems(chinese, LABELS)).toEqual({ fields: { cause: '没有该违法条款的裁量基准' }, refusals: [], message: '' });
  });

  it('says anything else in one line', () => {
    expect(serverProblems(networkError(), LABELS).message).toBe('网络连接失败，请检查网络后重试');
    expect(serverProblems(new ApiError({ status: 409, code: ErrorCode.Conflict, message: '该检查未发现违法行为' }), LABELS).message).toBe('该检查未发现违法行为');
    expect(serverProblems(new Error('boom'), LABELS).message).toBe('操作失败，请稍后重试');
  });
});
