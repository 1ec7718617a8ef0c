/*
 * Login. Element ids for browser tests: inputs #username and #password, button #login-submit,
 * server error #login-error, inline errors #username-error and #password-error; in the
 * mini-program also #login-wechat; #login-enterprise opens the enterprise's sign-in. On H5 Taro
 * renders <Input id="username"> as a <taro-input-core id="username"> wrapper around the real
 * <input>, so Playwright must fill the
 * inner element: page.fill('#username input') works (checked with Chromium), while
 * page.fill('#username') throws "Element is not an <input>, <textarea>, <select> or
 * [contenteditable]". page.press('#password input', 'Enter') submits like the button does.
 */
import { Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { ErrorCode } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../components/buttons';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { ApiError, errorMessage } from '../../logic/api-error';
import {
  hasErrors,
  loginFieldErrors,
  normaliseLoginForm,
  validateLoginForm,
  type LoginForm,
  type LoginFormErrors,
} from '../../logic/login-form';
import { ENTERPRISE_SIGN_IN_PAGE, HOME_PAGE } from '../../routes';
import { currentSession, loginWithPassword, loginWithWechat } from '../../services/auth';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * wechat: the mini-program's default, one button; password: username + password form;
 * bind: WeChat answered WECHAT_UNBOUND, so the form binds this WeChat account to an account.
 */
type Mode = 'wechat' | 'password' | 'bind';

export default function LoginPage() {
  const [mode, setMode] = useState<Mode>(IS_WEAPP ? 'wechat' : 'password');
  const [form, setForm] = useState<LoginForm>({ username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<LoginFormErrors>({});
  const [serverError, setServerError] = useState('');
  const [busy, setBusy] = useState(false);

  useLoad(() => {
    if (currentSession()) void Taro.reLaunch({ url: HOME_PAGE });
  });

  const updateField = (field: keyof LoginForm, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  };

  const attempt = async (login: () => Promise<unknown>) => {
    setBusy(true);
    setServerError('');
    try {
      await login();
      void Taro.reLaunch({ url: HOME_PAGE });
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.WechatUnbound) {
        // Not a failure to report: the bind hint above the form says what to do.
        setMode('bind');
        return;
      }
      if (error instanceof ApiError && error.fields.length) {
        setFieldErrors(loginFieldErrors(error.fields));
      }
      setServerError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const submitForm = () => {
    if (busy) return;
    const errors = validateLoginForm(form);
    setFieldErrors(errors);
    if (hasErrors(errors)) return;
    const credentials = normaliseLoginForm(form);
    void attempt(() =>
      mode === 'bind' ? loginWithWechat(credentials) : loginWithPassword(credentials),
    );
  };

  const showForm = mode !== 'wechat';

  return (
    <View className='login'>
      <View className='login__brand'>
        <Text className='login__title'>码上入企</Text>
        <Text className='login__subtitle'>行政执法检查 · 扫码入企</Text>
      </View>

      <View className='login__card'>
        {mode === 'bind' && (
          <Notice tone='primary' className='login__hint'>
            该微信尚未绑定账号，请输入账号和密码完成绑定，以后可直接微信登录。
          </Notice>
        )}

        {showForm && (
          <View>
            <Field label='用户名' error={fieldErrors.username} errorId='username-error'>
              <Input
                id='username'
                className='field__input'
                value={form.username}
                placeholder='请输入用户名'
                maxlength={64}
                onInput={(event) => updateField('username', event.detail.value)}
              />
            </Field>
            <Field label='密码' error={fieldErrors.password} errorId='password-error'>
              <Input
                id='password'
                className='field__input'
                password
                value={form.password}
                placeholder='请输入密码'
                maxlength={128}
                confirmType='go'
                onInput={(event) => updateField('password', event.detail.value)}
                onConfirm={submitForm}
              />
            </Field>
            <PrimaryButton id='login-submit' className='login__submit' busy={busy} onClick={submitForm}>
              {mode === 'bind' ? '绑定并登录' : '登录'}
            </PrimaryButton>
          </View>
        )}

        {mode === 'wechat' && (
          <PrimaryButton id='login-wechat' className='login__submit' busy={busy} onClick={() => void attempt(() => loginWithWechat())}>
            微信登录
          </PrimaryButton>
        )}

        {serverError && (
          <Notice id='login-error' tone='danger'>
            {serverError}
          </Notice>
        )}

        {IS_WEAPP && (
          <Text
            className='login__switch'
            onClick={() => {
              setServerError('');
              setFieldErrors({});
              setMode(mode === 'wechat' ? 'password' : 'wechat');
            }}
          >
            {mode === 'wechat' ? '使用账号密码登录' : '返回微信登录'}
          </Text>
        )}
      </View>
      <Text id='login-enterprise' className='login__enterprise' onClick={() => void Taro.navigateTo({ url: ENTERPRISE_SIGN_IN_PAGE })}>
        我是企业，进入企业端 ›
      </Text>
    </View>
  );
}
