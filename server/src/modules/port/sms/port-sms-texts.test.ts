import { complaintOutcomeSms, signInCodeSms } from './port-sms-texts.js';

describe('the port\'s SMS texts', () => {
  it('puts the sign-in code into the template\'s variables and the text, and keeps it out of the logged text', () => {
    const sms = signInCodeSms('码上入企', '604182', 300, 'sign-in');
    expect(sms.params).toEqual({ code: '604182', minutes: '5' });
    expect(sms.positional).toEqual(['604182', '5']);
    expect(sms.text).toBe('【码上入企】您的企业端登录验证码为604182，5分钟内有效。如非本人操作，请忽略本短信。');
    expect(sms.loggedText).toContain('60****');
    expect(sms.loggedText).not.toContain('4182');
  });

  it('names what a complaint\'s code is for', () => {
    expect(signInCodeSms('码上入企', '111222', 300, 'complaint').text).toContain('投诉联系电话核验验证码为111222');
  });

  it('tells a complainant the outcome in a few words, the address in the template\'s fixed text', () => {
    const sms = complaintOutcomeSms('码上入企', 'https://ruqi.example.gov.cn', new Date('2026-12-04T17:00:00Z'), 'rectified');
    expect(sms.params).toEqual({ date: '12月5日', outcome: '执法部门已整改到位' });
    expect(sms.positional).toEqual(['12月5日', '执法部门已整改到位']);
    expect(sms.text).toBe('【码上入企】您12月5日反映的问题已办结：执法部门已整改到位。详情请登录企业端 https://ruqi.example.gov.cn/e 查看，或拨打12345查询。');
    expect(Object.values(sms.params).some((v) => v.includes('http'))).toBe(false);
  });
});
