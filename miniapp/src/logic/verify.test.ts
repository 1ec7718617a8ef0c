import { ApiError, apiErrorFromResponse, networkError } from './api-error';
import { MISSING_CODE, REFUSE_ADVICE, codeFromParams, trailActorText, trailStepText, verifyFailure } from './verify';

const TOKEN = 'Ab3_x-9.Qz';

describe('codeFromParams', () => {
  it('reads c, decoded once', () => {
    expect(codeFromParams({ c: TOKEN })).toBe(TOKEN);
    expect(codeFromParams({ c: encodeURIComponent(TOKEN) })).toBe(TOKEN);
  });

  it('reads the token out of the scanned URL WeChat passes as q', () => {
    const scanned = encodeURIComponent(`https://ruqi.example.cn/v/${TOKEN}`);
    expect(codeFromParams({ q: scanned })).toBe(TOKEN);
    expect(codeFromParams({ q: encodeURIComponent(`https://x.cn/h5/#/enterprise/pages/verify/index?c=${TOKEN}`) })).toBe(TOKEN);
  });

  it('refuses a missing or impossible token', () => {
    expect(codeFromParams({})).toBeNull();
    expect(codeFromParams({ c: '' })).toBeNull();
    expect(codeFromParams({ c: '<script>' })).toBeNull();
    expect(codeFromParams({ q: 'https://x.cn/other' })).toBeNull();
  });
});

describe('verifyFailure', () => {
  it('shows the server message of a refused code with the advice to refuse the inspection', () => {
    for (const [status, code] of [[404, 'CODE_INVALID'], [410, 'CODE_EXPIRED'], [410, 'CODE_CANCELLED']] as const) {
      const failure = verifyFailure(apiErrorFromResponse(status, { error: { code, message: '检查码已过期' } }));
      expect(failure).toEqual({ title: '核验未通过', message: '检查码已过期', advice: REFUSE_ADVICE, retry: false });
    }
    expect(REFUSE_ADVICE).toContain('12345');
    expect(REFUSE_ADVICE).toContain('司法局');
  });

  it('offers a retry when the phone is offline or the server is in trouble', () => {
    expect(verifyFailure(networkError())).toMatchObject({ title: '暂时无法核验', retry: true });
    const serverError = verifyFailure(
      new ApiError({ status: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误', errorId: 'e1' }),
    );
    expect(serverError).toMatchObject({ retry: true, message: '服务器内部错误（错误编号：e1）' });
    expect(serverError.advice).toContain(REFUSE_ADVICE);
    expect(verifyFailure(new TypeError('x'))).toMatchObject({ retry: true, message: '核验失败，请稍后再试。' });
  });

  it('has a refusal for a link without a code', () => {
    expect(MISSING_CODE).toMatchObject({ retry: false, advice: REFUSE_ADVICE });
  });
});

describe('the trail as the enterprise reads it', () => {
  it('gives a step with what it recorded, or the step alone', () => {
    expect(trailStepText({ step: '检查结果', detail: '食品经营许可检查：合格' })).toBe('检查结果：食品经营许可检查：合格');
    expect(trailStepText({ step: '报备', detail: '' })).toBe('报备');
  });

  it('names an officer with the certificate number, anyone else by name', () => {
    expect(trailActorText({ name: '张伟', certNo: '豫C0000001' })).toBe('张伟（执法证号 豫C0000001）');
    expect(trailActorText({ name: '企业' })).toBe('企业');
  });
});
