import { complaintOutcomeSms, inspectionNoticeSms, signInCodeSms } from './port-sms-texts.js';

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

  it('announces an inspection with its date and agencies, a joint one by its lead and count', () => {
    const one = inspectionNoticeSms('码上入企', 'https://ruqi.example.gov.cn', '2026-12-09', ['市市场监督管理局']);
    expect(one.params).toEqual({ date: '12月9日', agency: '市市场监督管理局' });
    expect(one.text).toBe('【码上入企】检查预告：市市场监督管理局将于12月9日到贵单位进行行政检查。检查事项和需准备的材料请登录企业端 https://ruqi.example.gov.cn/e 查看，该日不便的可在企业端选择方便的时间。');
    expect(inspectionNoticeSms('s', 'b', '2026-12-09', ['市市场监督管理局', '市消防救援支队']).params.agency).toBe('市市场监督管理局等2个部门');
    expect(inspectionNoticeSms('s', 'b', '2026-12-09', ['开封市龙亭区市场监督管理局北书店所', '市消防救援支队']).params.agency.length).toBeLessThanOrEqual(20);
  });
});
