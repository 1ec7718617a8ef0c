import type { FieldError } from '@mashang/shared';

export interface LoginForm {
  username: string;
  password: string;
}

export type LoginFormErrors = Partial<Record<keyof LoginForm, string>>;

const USERNAME_MAX = 64;
const PASSWORD_MAX = 128;

/** Checks the form before it is sent; an empty result means it may be sent. */
export function validateLoginForm(form: LoginForm): LoginFormErrors {
  const errors: LoginFormErrors = {};
  const username = form.username.trim();
  if (!username) errors.username = '请输入用户名';
  else if (username.length > USERNAME_MAX) errors.username = `用户名不能超过${USERNAME_MAX}个字符`;
  if (!form.password) errors.password = '请输入密码';
  else if (form.password.length > PASSWORD_MAX) errors.password = `密码不能超过${PASSWORD_MAX}个字符`;
  return errors;
}

export function hasErrors(errors: LoginFormErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** The form as sent: usernames are typed on phones, where a trailing space is easy to add. */
export function normaliseLoginForm(form: LoginForm): LoginForm {
  return { username: form.username.trim(), password: form.password };
}

/** Places the server's field errors (VALIDATION_FAILED) next to the inputs they concern. */
export function loginFieldErrors(fields: readonly FieldError[]): LoginFormErrors {
  const errors: LoginFormErrors = {};
  for (const { field, reason } of fields) {
    if (field === 'username' || field === 'password') errors[field] ??= reason;
  }
  return errors;
}
