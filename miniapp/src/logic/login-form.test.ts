import {
  hasErrors,
  loginFieldErrors,
  normaliseLoginForm,
  validateLoginForm,
} from './login-form';

describe('validateLoginForm', () => {
  it('asks for both fields in Chinese', () => {
    const errors = validateLoginForm({ username: '  ', password: '' });
    expect(errors).toEqual({ username: '请输入用户名', password: '请输入密码' });
    expect(hasErrors(errors)).toBe(true);
  });

  it('accepts the demo login', () => {
    const errors = validateLoginForm({ username: 'supervisor', password: 'demo1234' });
    expect(errors).toEqual({});
    expect(hasErrors(errors)).toBe(false);
  });

  it('limits lengths', () => {
    const errors = validateLoginForm({ username: 'u'.repeat(65), password: 'p'.repeat(129) });
    expect(errors.username).toBe('用户名不能超过64个字符');
    expect(errors.password).toBe('密码不能超过128个字符');
  });

  it('does not count spaces around the username as content', () => {
    expect(validateLoginForm({ username: ' supervisor ', password: 'x' })).toEqual({});
  });
});

describe('normaliseLoginForm', () => {
  it('trims the username but never the password', () => {
    expect(normaliseLoginForm({ username: ' supervisor\t', password: ' pass ' })).toEqual({
      username: 'supervisor',
      password: ' pass ',
    });
  });
});

describe('loginFieldErrors', () => {
  it('keeps the first reason per login field and ignores other fields', () => {
    expect(
      loginFieldErrors([
        { field: 'username', reason: '用户名格式不正确' },
        { field: 'username', reason: '第二条' },
        { field: 'code', reason: '无关字段' },
        { field: 'password', reason: '密码太短' },
      ]),
    ).toEqual({ username: '用户名格式不正确', password: '密码太短' });
  });
});
