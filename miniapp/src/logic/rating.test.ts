import type { RatingInviteView } from '@mashang/shared';
import { apiErrorFromResponse, networkError } from './api-error';
import { type AgencyRatingForm, checkTypedCode, initialForms, missingAnswers, outcomeLine, rateFailure, setScore, toggleFlag, toRatings, tokenFromParams } from './rating';

const TOKEN = 'AbCdEfGhIjKlMnOpQrSt_-';

describe('tokenFromParams', () => {
  it('reads t, and the link WeChat passes as q', () => {
    expect(tokenFromParams({ t: TOKEN })).toBe(TOKEN);
    expect(tokenFromParams({ q: encodeURIComponent(`https://ruqi.example.cn/r/${TOKEN}`) })).toBe(TOKEN);
    expect(tokenFromParams({ q: encodeURIComponent(`https://x.cn/h5/#/enterprise/pages/rate/index?t=${TOKEN}`) })).toBe(TOKEN);
  });

  it('is null in code mode and for anything that cannot be a token', () => {
    expect(tokenFromParams({})).toBeNull();
    expect(tokenFromParams({ t: 'short' })).toBeNull();
    expect(tokenFromParams({ t: `${TOKEN}x` })).toBeNull();
    expect(tokenFromParams({ q: encodeURIComponent('https://ruqi.example.cn/r') })).toBeNull();
  });
});

describe('checkTypedCode', () => {
  it('accepts a code typed loosely and says plainly what is wrong otherwise', () => {
    expect(checkTypedCode(' abcd-2345 ')).toEqual({ code: 'ABCD2345' });
    expect(checkTypedCode('')).toEqual({ problem: '请输入短信里的评价码' });
    expect(checkTypedCode('ABC')).toEqual({ problem: '评价码是8位字母和数字，请对照短信重新输入' });
  });
});

const view: RatingInviteView = {
  enterprise: { name: '老王烩面馆' },
  inspectionDate: '2026-03-05',
  joint: true,
  agencies: [
    { agencyId: 'A1', name: '市场监管局', officers: [], rated: true },
    { agencyId: 'A2', name: '消防救援支队', officers: [], rated: false },
  ],
  expiresAt: '2026-03-12T16:00:00.000Z',
};

describe('the rating form', () => {
  it('asks only about agencies not rated yet', () => {
    expect(initialForms(view).map((f) => f.agencyId)).toEqual(['A2']);
  });

  it('names what is missing until all four scores and the verdict are given', () => {
    let form = initialForms(view)[0];
    expect(missingAnswers(form, '消防救援支队')).toEqual(['消防救援支队还有4项没有打分', '请选择是否认可消防救援支队的这次检查']);
    form = setScore(setScore(setScore(form, 'language', 5), 'procedure', 4), 'manner', 2);
    expect(missingAnswers(form, '消防救援支队')).toEqual(['消防救援支队还有1项没有打分', '请选择是否认可消防救援支队的这次检查']);
    form = { ...setScore(form, 'fairness', 3), verdict: 'disapprove' };
    expect(missingAnswers(form, '消防救援支队')).toEqual([]);
  });

  it('ticks and unticks problems, and builds the request with a trimmed comment', () => {
    let form: AgencyRatingForm = { ...initialForms(view)[0], verdict: 'disapprove', comment: '  重复来查  ' };
    for (const [d, s] of [['language', 5], ['procedure', 4], ['manner', 2], ['fairness', 3]] as const) form = setScore(form, d, s);
    form = toggleFlag(toggleFlag(toggleFlag(form, 'repeated'), 'other'), 'other');
    expect(toRatings([form])).toEqual([{ agencyId: 'A2', language: 5, procedure: 4, manner: 2, fairness: 3, verdict: 'disapprove', flags: ['repeated'], comment: '重复来查' }]);
    expect(toRatings([{ ...form, comment: '   ' }])[0].comment).toBeNull();
  });
});

describe('rateFailure', () => {
  it('shows a used, expired or wrong link in the server\'s words, without a retry', () => {
    expect(rateFailure(apiErrorFromResponse(409, { error: { code: 'CONFLICT', message: '已经评价过了' } }))).toEqual({ title: '已经评价过了', message: '已经评价过了', retry: false, askCode: false });
    expect(rateFailure(apiErrorFromResponse(410, { error: { code: 'CODE_EXPIRED', message: '评价已过期' } }))).toMatchObject({ title: '评价已过期', retry: false });
    expect(rateFailure(apiErrorFromResponse(404, { error: { code: 'CODE_INVALID', message: '评价码不正确' } }))).toMatchObject({ message: '评价码不正确', askCode: true });
    expect(rateFailure(apiErrorFromResponse(429, { error: { code: 'RATE_LIMITED', message: '请15分钟后再试' } }))).toMatchObject({ title: '请稍后再试', askCode: false });
  });

  it('offers a retry on a bad network or server trouble, keeping what was filled in', () => {
    expect(rateFailure(networkError())).toMatchObject({ title: '网络不好', retry: true });
    expect(rateFailure(apiErrorFromResponse(502, '<html>Bad Gateway</html>'))).toMatchObject({ retry: true });
  });
});

describe('outcomeLine', () => {
  it('says where the complaint stands, and the conclusion once there is one', () => {
    expect(outcomeLine({ agencyName: '市消防救援支队', statusLabel: '调查中', conclusionLabel: null })).toBe('对市消防救援支队的评价：调查中');
    expect(outcomeLine({ agencyName: null, statusLabel: '已办结', conclusionLabel: '责令整改' })).toBe('对执法部门的评价：已办结，结论：责令整改');
  });
});
