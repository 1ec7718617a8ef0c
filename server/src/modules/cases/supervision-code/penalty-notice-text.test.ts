import { renderPenaltyNotice } from './penalty-notice-text.js';

const input = {
  signName: '码上入企', baseUrl: 'https://ma.example.gov.cn', mode: 'link' as const, agencyName: '市市场监督管理局',
  token: 'AbCdEfGhIjKlMnOpQrStUv', statementUntil: new Date('2026-03-05T16:00:00Z'),
};

describe('the supervision code SMS', () => {
  it('names the agency, the code\'s link and the last day of the statement period in Shanghai', () => {
    const sms = renderPenaltyNotice(input);
    expect(sms.link).toBe('https://ma.example.gov.cn/p/AbCdEfGhIjKlMnOpQrStUv');
    // The period ends at midnight of 3月6日 Shanghai time: its last day is 3月5日.
    expect(sms.params).toEqual({ agency: '市市场监督管理局', link: sms.link, until: '3月5日' });
    expect(sms.text).toBe(`【码上入企】市市场监督管理局已向贵单位送达行政处罚告知书。请打开 ${sms.link} 查看处罚依据和裁量理由；3月5日前可在线陈述申辩，也可申请听证或对裁量提出异议，无需登录。`);
  });

  it('keeps the code out of what logs keep', () => {
    const sms = renderPenaltyNotice(input);
    expect(sms.loggedText).toContain('/p/AbCd******************');
    expect(sms.loggedText).not.toContain(input.token);
  });

  it('puts only the code into the variable in code mode, the template holding the address', () => {
    expect(renderPenaltyNotice({ ...input, mode: 'code' }).positional).toEqual(['市市场监督管理局', input.token, '3月5日']);
    expect(renderPenaltyNotice(input).positional[1]).toBe('https://ma.example.gov.cn/p/AbCdEfGhIjKlMnOpQrStUv');
  });

  it('shortens a long agency name for the variable and words a missing deadline', () => {
    const sms = renderPenaltyNotice({ ...input, agencyName: '某某市某某区市场监督管理局综合行政执法大队第一中队', statementUntil: null });
    expect(sms.params.agency).toHaveLength(20);
    expect(sms.params.agency.endsWith('…')).toBe(true);
    expect(sms.params.until).toBe('告知书载明的期限');
  });
});
