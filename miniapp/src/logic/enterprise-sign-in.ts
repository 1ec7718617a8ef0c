import { CREDIT_CODE_PROBLEM_TEXT, creditCodeProblem, isMainlandMobile, normaliseCreditCode, type FieldError } from '@mashang/shared';

export interface EnterpriseSignInForm {
  creditCode: string;
  phone: string;
  code: string;
}

export type EnterpriseSignInErrors = Partial<Record<keyof EnterpriseSignInForm, string>>;

/** What is typed, as sent: spaces dropped, the credit code in capitals. */
export function normaliseSignInForm(form: EnterpriseSignInForm): EnterpriseSignInForm {
  return { creditCode: normaliseCreditCode(form.creditCode), phone: form.phone.replace(/[\s-]/g, ''), code: form.code.replace(/\s/g, '') };
}

/** Checks what asking for a code needs (the credit code and the phone); `withCode` also the code typed. */
export function validateSignInForm(form: EnterpriseSignInForm, withCode: boolean): EnterpriseSignInErrors {
  const f = normaliseSignInForm(form);
  const errors: EnterpriseSignInErrors = {};
  if (!f.creditCode) errors.creditCode = '请输入统一社会信用代码';
  else {
    const problem = creditCodeProblem(f.creditCode);
    if (problem) errors.creditCode = CREDIT_CODE_PROBLEM_TEXT[problem];
  }
  if (!f.phone) errors.phone = '请输入手机号';
  else if (!isMainlandMobile(f.phone)) errors.phone = '请输入11位手机号';
  if (withCode && !/^\d{6}$/.test(f.code)) errors.code = '请输入短信中的6位验证码';
  return errors;
}

export function hasSignInErrors(errors: EnterpriseSignInErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** The server's field errors next to the inputs they concern (`smsCode` is the code box too). */
export function signInFieldErrors(fields: readonly FieldError[]): EnterpriseSignInErrors {
  const errors: EnterpriseSignInErrors = {};
  for (const { field, reason } of fields) {
    const key = field === 'smsCode' ? 'code' : field;
    if (key === 'creditCode' || key === 'phone' || key === 'code') errors[key] ??= reason;
  }
  return errors;
}

/** The code button's words: 获取验证码, or the seconds to wait before another. */
export function codeButtonText(secondsLeft: number, sentBefore: boolean): string {
  if (secondsLeft > 0) return `${secondsLeft}秒后可重新获取`;
  return sentBefore ? '重新获取验证码' : '获取验证码';
}

/** What the page says once a code was asked for (the server answers alike whether or not the phone is on file). */
export function codeSentText(maskedPhone: string, minutes: number): string {
  return `如 ${maskedPhone} 是本企业登记的手机号或联系人，验证码已发送，${minutes}分钟内有效。收不到请核对手机号，或请法定代表人把您添加为联系人。`;
}
