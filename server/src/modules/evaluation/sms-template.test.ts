import { maskCredential, renderSms, type SmsTemplateInput } from './sms-template.js';

const base: SmsTemplateInput = {
  kind: 'invite',
  mode: 'link',
  signName: '码上入企',
  baseUrl: 'https://ruqi.example.gov.cn',
  inspectionDate: '2026-03-05',
  agencyNames: ['市市场监督管理局'],
  token: 'AbCdEfGhIjKlMnOpQrStUv',
  code: null,
  // 2026-03-12 24:00 Asia/Shanghai: valid through 3月12日.
  expiresAt: new Date('2026-03-12T16:00:00.000Z'),
};

describe('SMS templates', () => {
  it('link mode: the personal link is a variable, and the text carries it', () => {
    const sms = renderSms(base);
    expect(sms.params).toEqual({ date: '3月5日', agency: '市市场监督管理局', link: 'https://ruqi.example.gov.cn/r/AbCdEfGhIjKlMnOpQrStUv', until: '3月12日' });
    expect(sms.positional).toEqual(['3月5日', '市市场监督管理局', 'https://ruqi.example.gov.cn/r/AbCdEfGhIjKlMnOpQrStUv', '3月12日']);
    expect(sms.link).toBe('https://ruqi.example.gov.cn/r/AbCdEfGhIjKlMnOpQrStUv');
    expect(sms.text).toBe('【码上入企】您好！3月5日市市场监督管理局对贵单位进行了行政检查。请点击 https://ruqi.example.gov.cn/r/AbCdEfGhIjKlMnOpQrStUv 对执法人员作出评价，3月12日前有效，无需登录。');
  });

  it('code mode: no link in any variable; the fixed page is in the text, the code in groups of four', () => {
    const sms = renderSms({ ...base, mode: 'code', code: 'ABCD2345' });
    expect(sms.params).toEqual({ date: '3月5日', agency: '市市场监督管理局', code: 'ABCD-2345', until: '3月12日' });
    expect(sms.positional.join(' ')).not.toMatch(/https?:|\/r\//);
    expect(sms.link).toBe('https://ruqi.example.gov.cn/r');
    expect(sms.text).toContain('请用手机打开 https://ruqi.example.gov.cn/r 输入评价码 ABCD-2345');
    expect(sms.text).not.toContain(base.token);
  });

  it('a joint inspection names the lead agency and how many there were, within the variable limit', () => {
    const sms = renderSms({ ...base, agencyNames: ['开封市城市管理综合行政执法局第三执法大队', '市消防救援支队'] });
    expect(sms.params.agency).toMatch(/^开封市城市管理.*…等2个部门$/);
    expect(sms.params.agency.length).toBeLessThanOrEqual(20);
    expect(renderSms({ ...base, agencyNames: ['市市场监督管理局', '市消防救援支队'] }).params.agency).toBe('市市场监督管理局等2个部门');
  });

  it('the text for logs masks the link token and the rating code, keeping their first four characters', () => {
    const link = renderSms(base);
    expect(link.loggedText).toBe(link.text.replace(base.token, `AbCd${'*'.repeat(18)}`));
    expect(link.loggedText).not.toContain(base.token.slice(0, 5));
    const code = renderSms({ ...base, mode: 'code', code: 'ABCD2345', kind: 'reminder' });
    expect(code.loggedText).toBe(code.text.replace('ABCD-2345', 'ABCD-****'));
    expect(code.loggedText).toContain('https://ruqi.example.gov.cn/r 输入评价码 ABCD-****');
    expect(maskCredential('https://x.cn/r/Zk')).toBe('https://x.cn/r/Zk');
  });

  it('a reminder says the inspection is still unrated', () => {
    expect(renderSms({ ...base, kind: 'reminder' }).text).toMatch(/^【码上入企】提醒：3月5日市市场监督管理局的行政检查您还没有评价。请点击 https:\/\/ruqi\.example\.gov\.cn\/r\/\S+ 作出评价，3月12日前有效/);
  });
});
