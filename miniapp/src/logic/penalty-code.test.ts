import { ErrorCode, PARTY_SUBMISSION_TEXT_MAX } from '@mashang/shared';
import { ApiError, ClientErrorCode } from './api-error';
import {
  checkDraft,
  confirmQuestion,
  deadlineText,
  levelText,
  openActions,
  penaltyFailure,
  penaltyTokenFromParams,
  pointsText,
  rangeText,
  readOnlyLine,
  submissionLines,
  yuan,
} from './penalty-code';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
// 2026-03-03 10:00 in Shanghai.
const NOW = Date.parse('2026-03-03T02:00:00Z');

describe('the supervision code page', () => {
  it('takes the code from ?t=, or from the QR\'s address WeChat passes as q', () => {
    expect(penaltyTokenFromParams({ t: TOKEN })).toBe(TOKEN);
    expect(penaltyTokenFromParams({ t: encodeURIComponent(` ${TOKEN} `) })).toBe(TOKEN);
    expect(penaltyTokenFromParams({ q: encodeURIComponent(`https://ruqi.example.gov.cn/p/${TOKEN}`) })).toBe(TOKEN);
    expect(penaltyTokenFromParams({ q: encodeURIComponent(`https://x/h5/#/enterprise/pages/penalty/index?t=${TOKEN}`) })).toBe(TOKEN);
    expect(penaltyTokenFromParams({ t: 'short' })).toBeNull();
    expect(penaltyTokenFromParams({ q: 'https://x/r/AbCdEfGhIjKlMnOpQrStUv' })).toBeNull();
    expect(penaltyTokenFromParams({})).toBeNull();
  });

  it('writes fines in yuan with thousands grouped, cents only when there are any', () => {
    expect(yuan(2_000_000)).toBe('20,000元');
    expect(yuan(12_345)).toBe('123.45元');
    expect(yuan(500_000_000)).toBe('5,000,000元');
    expect(yuan(5)).toBe('0.05元');
    expect(rangeText({ min: 1_000_000, max: 3_000_000 })).toBe('10,000元 至 30,000元');
    expect(rangeText(null)).toBe('尚未确定');
  });

  it('writes points with their sign and the level in words', () => {
    expect([pointsText(3), pointsText(-2), pointsText(0)]).toEqual(['+3分', '-2分', '0分']);
    expect([levelText('light'), levelText('general'), levelText('severe'), levelText(null)]).toEqual(['从轻', '一般', '从重', '尚未确定']);
  });

  it('writes a deadline in Shanghai time, a midnight end as the day before at 24:00, with what is left', () => {
    // Ends at 2026-03-06 00:00 Shanghai.
    expect(deadlineText('2026-03-05T16:00:00.000Z', NOW)).toBe('2026年3月5日 24:00前（还剩3天）');
    expect(deadlineText('2026-03-03T09:30:00.000Z', NOW)).toBe('2026年3月3日 17:30前（还剩8小时）');
    expect(deadlineText('2026-03-02T16:00:00.000Z', NOW)).toBe('2026年3月2日 24:00前（已届满）');
  });

  it('offers exactly the actions the server says are open', () => {
    const actions = openActions({ open: ['statement', 'objection'] });
    expect(actions.map((a) => [a.kind, a.label])).toEqual([['statement', '提交陈述申辩'], ['objection', '对裁量提出异议']]);
    expect(actions[1].hint).toContain('司法局');
    expect(openActions({ open: [] })).toEqual([]);
  });

  it('says why the page is read-only', () => {
    expect(readOnlyLine({ stage: 'closed', open: [] })).toContain('已结案');
    expect(readOnlyLine({ stage: 'revoked', open: [] })).toContain('已撤销立案');
    expect(readOnlyLine({ stage: 'decided', open: [] })).toContain('期限均已届满');
    expect(readOnlyLine({ stage: 'notified', open: ['objection'] })).toBeNull();
  });

  it('checks the draft as the server does before anything is sent', () => {
    expect(checkDraft('objection', '  有异议 ')).toEqual({ text: '有异议' });
    expect(checkDraft('objection', ' ')).toEqual({ problem: '请写明对裁量有异议的理由' });
    expect(checkDraft('statement', '')).toEqual({ problem: '请写明陈述申辩的事实和理由' });
    expect(checkDraft('hearing', '')).toEqual({ text: '' });
    expect(checkDraft('statement', '字'.repeat(PARTY_SUBMISSION_TEXT_MAX + 1))).toEqual({ problem: `内容不能超过${PARTY_SUBMISSION_TEXT_MAX}字，现在是${PARTY_SUBMISSION_TEXT_MAX + 1}字` });
    expect(confirmQuestion('objection')).toBe('确认对裁量提出异议吗？提交后不能修改或撤回。');
  });

  it('lists what the party sent, in Shanghai time', () => {
    expect(submissionLines({ submissions: [{ kind: 'statement', at: '2026-03-03T02:05:00.000Z' }, { kind: 'objection', at: '2026-03-03T16:30:00.000Z' }] }))
      .toEqual(['陈述申辩 2026-03-03 10:05', '对裁量有异议 2026-03-04 00:30']);
  });

  it('tells the party what went wrong in its words', () => {
    const api = (code: string, status: number, message = '服务器的话') => new ApiError({ code: code as ErrorCode, status, message });
    expect(penaltyFailure(api(ErrorCode.CodeInvalid, 404))).toEqual({ title: '监督码无效', message: '服务器的话', retry: false });
    expect(penaltyFailure(api(ErrorCode.Conflict, 409)).title).toBe('不能提交');
    expect(penaltyFailure(api(ErrorCode.RateLimited, 429)).retry).toBe(false);
    expect(penaltyFailure(api(ClientErrorCode.Network, 0)).retry).toBe(true);
    expect(penaltyFailure(new Error('x')).retry).toBe(true);
  });
});
