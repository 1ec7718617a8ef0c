import { offsiteRequestSms } from './request-sms-text.js';

describe('the off-site request SMS', () => {
  it('names the agency and the link, and keeps the token out of the logs', () => {
    const sms = offsiteRequestSms('码上入企', 'https://x.example/', '市市场监督管理局', 'AbCdEfGhIjKlMnOpQrStUv', false);
    expect(sms.text).toBe('【码上入企】市市场监督管理局对贵单位开展非现场检查，无需上门。请打开 https://x.example/o/AbCdEfGhIjKlMnOpQrStUv 在线提交材料。');
    expect(sms.loggedText).not.toContain('AbCdEfGhIjKlMnOpQrStUv');
    expect(sms.positional).toEqual(['市市场监督管理局', 'AbCdEfGhIjKlMnOpQrStUv']);
    expect(sms.link).toBe('https://x.example/o/AbCdEfGhIjKlMnOpQrStUv');
  });

  it('asks again in other words and shortens a long agency name', () => {
    const sms = offsiteRequestSms('码上入企', 'https://x.example', '某某市某某区某某街道综合行政执法大队第一中队', 'AbCdEfGhIjKlMnOpQrStUv', true);
    expect(sms.text).toContain('请补充非现场检查材料');
    expect(sms.params.agency).toHaveLength(20);
  });
});
