/*
 * 码上响应 without signing in: an enterprise (or whoever it asks to follow it up) tells the supervisors
 * what happened at an inspection. The contact phone is verified by an SMS code; the outcome comes back by
 * SMS. Element ids: inputs #pc-credit-code, #pc-phone, #pc-code (fill their inner <input>), #pc-code-send,
 * #pc-content (a Taro <Textarea>: fill its inner textarea), #pc-submit; #pc-received once it is in;
 * #pc-error; inline errors #pc-credit-code-error, #pc-phone-error, #pc-code-error, #pc-content-error.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useUnload } from '@tarojs/taro';
import { COMPLAINT_CONTENT_MAX } from '@mashang/shared';
import { useRef, useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Field } from '../../../components/field';
import { Notice } from '../../../components/notice';
import { ApiError, errorMessage } from '../../../logic/api-error';
import { complaintContentProblem, complaintReceivedText } from '../../../logic/complaint-form';
import {
  codeButtonText,
  hasSignInErrors,
  normaliseSignInForm,
  signInFieldErrors,
  validateSignInForm,
  type EnterpriseSignInErrors,
  type EnterpriseSignInForm,
} from '../../../logic/enterprise-sign-in';
import { ENTERPRISE_SIGN_IN_PAGE } from '../../../routes';
import { complainPublicly, requestComplaintCode } from '../../../services/enterprise';
import '../signin/index.css';
import './index.css';

export default function PublicComplaintPage() {
  const [form, setForm] = useState<EnterpriseSignInForm>({ creditCode: '', phone: '', code: '' });
  const [content, setContent] = useState('');
  const [errors, setErrors] = useState<EnterpriseSignInErrors & { content?: string }>({});
  const [serverError, setServerError] = useState('');
  const [received, setReceived] = useState('');
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useUnload(() => {
    if (timer.current) clearInterval(timer.current);
  });

  const update = (field: keyof EnterpriseSignInForm, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
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
    setBusy(true);
    setServerError('');
    try {
      const { creditCode, phone } = normaliseSignInForm(form);
      const answer = await requestComplaintCode({ creditCode, phone });
      setSent(true);
      if (timer.current) clearInterval(timer.current);
      setSecondsLeft(answer.resendAfterSeconds);
      timer.current = setInterval(() => setSecondsLeft((left) => {
        if (left <= 1 && timer.current) clearInterval(timer.current);
        return Math.max(0, left - 1);
      }), 1000);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (busy) return;
    const found: EnterpriseSignInErrors & { content?: string } = { ...validateSignInForm(form, true), content: complaintContentProblem(content) ?? undefined };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setBusy(true);
    setServerError('');
    try {
      const f = normaliseSignInForm(form);
      const filed = await complainPublicly({ creditCode: f.creditCode, phone: f.phone, smsCode: f.code, content: content.trim() });
      setReceived(complaintReceivedText(filed));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  if (received) {
    return (
      <View className='ent-signin'>
        <View className='ent-signin__brand'><Text className='ent-signin__title'>码上响应</Text></View>
        <View className='ent-signin__card'>
          <Notice id='pc-received' tone='success'>{received}</Notice>
          <Text className='ent-signin__switch' onClick={() => void Taro.redirectTo({ url: ENTERPRISE_SIGN_IN_PAGE })}>登录企业端查看办理进度 ›</Text>
        </View>
      </View>
    );
  }

  return (
    <View className='ent-signin'>
      <View className='ent-signin__brand'>
        <Text className='ent-signin__title'>码上响应</Text>
        <Text className='ent-signin__subtitle'>对执法检查有意见，直接向执法监督部门反映</Text>
      </View>
      <View className='ent-signin__card'>
        <Field label='企业统一社会信用代码' error={errors.creditCode} errorId='pc-credit-code-error'>
          <Input id='pc-credit-code' className='field__input' value={form.creditCode} placeholder='营业执照上的18位代码' maxlength={24} onInput={(e) => update('creditCode', e.detail.value)} />
        </Field>
        <Field label='联系电话（办理结果将短信告知）' error={errors.phone} errorId='pc-phone-error'>
          <Input id='pc-phone' className='field__input' type='number' value={form.phone} placeholder='11位手机号' maxlength={13} onInput={(e) => update('phone', e.detail.value)} />
        </Field>
        <Field label='短信验证码' error={errors.code} errorId='pc-code-error'>
          <View className='ent-signin__code-row'>
            <Input id='pc-code' className='field__input ent-signin__code' type='number' value={form.code} placeholder='6位数字' maxlength={6} onInput={(e) => update('code', e.detail.value)} />
            <Text id='pc-code-send' className={secondsLeft > 0 ? 'ent-signin__send ent-signin__send--wait' : 'ent-signin__send'} onClick={() => void sendCode()}>
              {codeButtonText(secondsLeft, sent)}
            </Text>
          </View>
        </Field>
        <Field label='发生了什么' error={errors.content} errorId='pc-content-error'>
          <Textarea id='pc-content' className='field__textarea public-complaint__text' value={content} maxlength={COMPLAINT_CONTENT_MAX}
            placeholder='哪个部门、什么时间、发生了什么' onInput={(e) => { setContent(e.detail.value); setErrors((c) => ({ ...c, content: undefined })); }} />
        </Field>
        <PrimaryButton id='pc-submit' className='ent-signin__submit' busy={busy} onClick={() => void submit()}>提交</PrimaryButton>
        {serverError && <Notice id='pc-error' tone='danger'>{serverError}</Notice>}
      </View>
      <Text className='ent-signin__note'>本页不需登录。请如实反映：经查弄虚作假的，将记入企业信用记录。紧急情况请拨打 12345。</Text>
    </View>
  );
}
