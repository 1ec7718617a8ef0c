import { buildCreditCode } from '@mashang/shared';
import { codeButtonText, codeSentText, hasSignInErrors, normaliseSignInForm, signInFieldErrors, validateSignInForm } from './enterprise-sign-in';
import { createEnterpriseSessionStore } from './enterprise-session';

const CODE = buildCreditCode('92410202', 'MA000801');

describe('the enterprise sign-in form', () => {
  it('accepts a valid credit code and mobile, typed with spaces and in small letters', () => {
    const form = { creditCode: ` ${CODE.toLowerCase()} `, phone: '138 0000 0801', code: ' 123456' };
    expect(normaliseSignInForm(form)).toEqual({ creditCode: CODE, phone: '13800000801', code: '123456' });
    expect(hasSignInErrors(validateSignInForm(form, true))).toBe(false);
  });

  it('names what is wrong with each field, the code only when signing in', () => {
    expect(validateSignInForm({ creditCode: '', phone: '', code: '' }, false)).toEqual({ creditCode: '请输入统一社会信用代码', phone: '请输入手机号' });
    const errors = validateSignInForm({ creditCode: `${CODE.slice(0, 17)}0`, phone: '1380000080', code: '12a456' }, true);
    expect(Object.keys(errors).sort()).toEqual(['code', 'creditCode', 'phone']);
    expect(errors.phone).toBe('请输入11位手机号');
  });

  it('puts the server\'s field errors beside their inputs', () => {
    expect(signInFieldErrors([{ field: 'smsCode', reason: '验证码为6位数字' }, { field: 'phone', reason: '请输入11位手机号' }, { field: 'other', reason: 'x' }]))
      .toEqual({ code: '验证码为6位数字', phone: '请输入11位手机号' });
  });

  it('counts down before another code may be asked for, and never says whose phone it is', () => {
    expect(codeButtonText(0, false)).toBe('获取验证码');
    expect(codeButtonText(42, true)).toBe('42秒后可重新获取');
    expect(codeButtonText(0, true)).toBe('重新获取验证码');
    expect(codeSentText('138****0801', 5)).toContain('如 138****0801 是本企业登记的手机号或联系人');
  });
});

describe('the enterprise session on the phone', () => {
  const storage = () => {
    const map = new Map<string, string>();
    return { get: (k: string) => map.get(k) ?? null, set: (k: string, v: string) => void map.set(k, v), remove: (k: string) => void map.delete(k), map };
  };
  const session = { token: 't', expiresAt: '2026-06-01T00:00:00Z', enterprise: { creditCode: CODE, enterpriseName: '老王烩面馆', phone: '138****0801', representative: true } };

  it('keeps the session until it expires, apart from an officer\'s', () => {
    const s = storage();
    const store = createEnterpriseSessionStore(s, () => Date.parse('2026-05-01T00:00:00Z'));
    store.save(session);
    expect(store.token()).toBe('t');
    expect([...s.map.keys()]).toEqual(['mashang.enterprise-session']);
    store.update({ ...session.enterprise, representative: false });
    expect(store.load()?.enterprise.representative).toBe(false);
    const later = createEnterpriseSessionStore(s, () => Date.parse('2026-06-02T00:00:00Z'));
    expect(later.load()).toBeNull();
    expect(s.map.size).toBe(0);
  });

  it('drops what it cannot read', () => {
    const s = storage();
    s.set('mashang.enterprise-session', '{"token":"t"}');
    expect(createEnterpriseSessionStore(s).load()).toBeNull();
  });
});
