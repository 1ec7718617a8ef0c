/*
 * 企业登录: the enterprise's port. H5: the 18-character credit code, a phone registered for the
 * enterprise (the register's, or a contact the legal representative added) and the SMS code. In the
 * mini-program: 微信登录, and the first time the same form binds the WeChat account to that phone.
 * Element ids for browser tests: inputs #ent-credit-code, #ent-phone, #ent-code (fill their inner
 * <input>), #ent-code-send (counts down after a code), #ent-code-sent (what was done), #ent-submit,
 * #ent-error (the server's words), inline errors #ent-credit-code-error, #ent-phone-error,
 * #ent-code-error; in the mini-program also #ent-wechat; #ent-complain-open opens the public
 * complaint form (码上响应).
 */
import { Input, Text, View } from '@tarojs/components';
import Taro, { useLoad, useUnload } from '@tarojs/taro';
import { ErrorCode } from '@mashang/shared';
import { useRef, useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Field } from '../../../components/field';
import { Notice } from '../../../components/notice';
import { ApiError, errorMessage } from '../../../logic/api-error';
import {
  codeButtonText,
  codeSentText,
  hasSignInErrors,
  normaliseSignInForm,
  signInFieldErrors,
  validateSignInForm,
  type EnterpriseSignInErrors,
  type EnterpriseSignInForm,
} from '../../../logic/enterprise-sign-in';
import { ENTERPRISE_COMPLAIN_PAGE, ENTERPRISE_HOME_PAGE } from '../../../routes';
import { currentEnterpriseSession, requestSignInCode, signInWithCode, signInWithWechat } from '../../../services/enterprise';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** wechat: the mini-program's one button; code: the form; bind: WeChat is not bound yet, the form binds it. */
type Mode = 'wechat' | 'code' | 'bind';

export default function EnterpriseSignInPage() {
  const [mode, setMode] = useState<Mode>(IS_WEAPP ? 'wechat' : 'code');
  const [form, setForm] = useState<EnterpriseSignInForm>({ creditCode: '', phone: '', code: '' });
  const [errors, setErrors] = useState<EnterpriseSignInErrors>({});
  const [serverError, setServerError] = useState('');
  const [sent, setSent] = useState('');
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useLoad(() => {
    if (currentEnterpriseSession()) void Taro.reLaunch({ url: ENTERPRISE_HOME_PAGE });
  });
  useUnload(() => {
    if (timer.current) clearInterval(timer.current);
  });

  const update = (field: keyof EnterpriseSignInForm, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const countDown = (seconds: number) => {
    if (timer.current) clearInterval(timer.current);
    setSecondsLeft(seconds);
    timer.current = setInterval(() => {
      setSecondsLeft((left) => {
        if (left <= 1 && timer.current) clearInterval(timer.current);
        return Math.max(0, left - 1);
      });
    }, 1000);
  };

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.fields.length) setErrors(signInFieldErrors(error.fields));
    setServerError(errorMessage(error));
  };

  const sendCode = async () => {
    if (busy || secondsLeft > 0) return;
    const found = validateSignInForm(form, false);
    setErrors(found);
    if (hasSignInErrors(found)) return;
    const { creditCode, phone } = normaliseSignInForm(form);
    setBusy(true);
    setServerError('');
    try {
      const answer = await requestSignInCode({ creditCode, phone });
      setSent(codeSentText(answer.phone, Math.round(answer.expiresInSeconds / 60)));
      countDown(answer.resendAfterSeconds);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const attempt = async (signIn: () => Promise<unknown>) => {
    setBusy(true);
    setServerError('');
    try {
      await signIn();
      void Taro.reLaunch({ url: ENTERPRISE_HOME_PAGE });
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.WechatUnbound) {
        setMode('bind');
        return;
      }
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (busy) return;
    const found = validateSignInForm(form, true);
    setErrors(found);
    if (hasSignInErrors(found)) return;
    const f = normaliseSignInForm(form);
    void attempt(() => (mode === 'bind' ? signInWithWechat({ creditCode: f.creditCode, phone: f.phone, smsCode: f.code }) : signInWithCode(f)));
  };

  return (
    <View className='ent-signin'>
      <View className='ent-signin__brand'>
        <Text className='ent-signin__title'>企业端</Text>
        <Text className='ent-signin__subtitle'>查检查记录 · 看处理结果 · 码上响应</Text>
      </View>

      <View className='ent-signin__card'>
        {mode === 'bind' && (
          <Notice tone='primary' className='ent-signin__hint'>
            该微信尚未绑定企业。请输入统一社会信用代码和企业登记的手机号，验证后绑定，以后可直接微信登录。
          </Notice>
        )}
        {mode === 'wechat' ? (
          <PrimaryButton id='ent-wechat' className='ent-signin__submit' busy={busy} onClick={() => void attempt(() => signInWithWechat())}>
            微信登录
          </PrimaryButton>
        ) : (
          <View>
            <Field label='统一社会信用代码' error={errors.creditCode} errorId='ent-credit-code-error'>
              <Input id='ent-credit-code' className='field__input' value={form.creditCode} placeholder='营业执照上的18位代码' maxlength={24}
                onInput={(event) => update('creditCode', event.detail.value)} />
            </Field>
            <Field label='手机号' error={errors.phone} errorId='ent-phone-error'>
              <Input id='ent-phone' className='field__input' type='number' value={form.phone} placeholder='企业登记的手机号或联系人手机号' maxlength={13}
                onInput={(event) => update('phone', event.detail.value)} />
            </Field>
            <Field label='短信验证码' error={errors.code} errorId='ent-code-error'>
              <View className='ent-signin__code-row'>
                <Input id='ent-code' className='field__input ent-signin__code' type='number' value={form.code} placeholder='6位数字' maxlength={6}
                  confirmType='go' onInput={(event) => update('code', event.detail.value)} onConfirm={submit} />
                <Text id='ent-code-send' className={secondsLeft > 0 ? 'ent-signin__send ent-signin__send--wait' : 'ent-signin__send'} onClick={() => void sendCode()}>
                  {codeButtonText(secondsLeft, Boolean(sent))}
                </Text>
              </View>
            </Field>
            {sent && <Text id='ent-code-sent' className='ent-signin__sent'>{sent}</Text>}
            <PrimaryButton id='ent-submit' className='ent-signin__submit' busy={busy} onClick={submit}>
              {mode === 'bind' ? '绑定并登录' : '登录'}
            </PrimaryButton>
          </View>
        )}
        {serverError && <Notice id='ent-error' tone='danger'>{serverError}</Notice>}
        {IS_WEAPP && (
          <Text className='ent-signin__switch' onClick={() => { setServerError(''); setErrors({}); setMode(mode === 'wechat' ? 'code' : 'wechat'); }}>
            {mode === 'wechat' ? '使用手机验证码登录' : '返回微信登录'}
          </Text>
        )}
      </View>
      <Text className='ent-signin__note'>
        只有企业登记的手机号（法定代表人）和其添加的联系人能登录。登录后只能看到本企业的信息。
      </Text>
      <Text id='ent-complain-open' className='ent-signin__switch' onClick={() => void Taro.navigateTo({ url: ENTERPRISE_COMPLAIN_PAGE })}>
        不登录，直接反映问题（码上响应）›
      </Text>
    </View>
  );
}
