/*
 * 陪同执法, for officers of the business-environment bureau: the plan code (计划编码) of another agency's
 * inspection puts them on it as accompanying. Ids: '#accompany-code input', #accompany-submit,
 * #accompany-done, #accompany-error.
 */
import { Input, Text } from '@tarojs/components';
import { Role } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../components/buttons';
import { Card } from '../../components/card';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { errorMessage } from '../../logic/api-error';
import { accompaniedText, planCodeOf } from '../../logic/visits';
import { currentSession } from '../../services/auth';
import { accompany } from '../../services/visits';

export function AccompanyCard() {
  const [text, setText] = useState('');
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (currentSession()?.user.role !== Role.Officer) return null;

  const submit = async () => {
    const code = planCodeOf(text);
    setDone('');
    if (!code) {
      setError('计划编码应如 JH20261201-7Q3KXW');
      return;
    }
    setBusy(true);
    setError('');
    try {
      setDone(accompaniedText(await accompany(code)));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title='陪同执法'>
      <Muted>营商环境监督人员陪同其他部门检查：输入对方告知的计划编码。</Muted>
      <Input id='accompany-code' className='field__input' value={text} placeholder='计划编码，如 JH20261201-7Q3KXW' maxlength={24} onInput={(event) => setText(event.detail.value)} />
      <PrimaryButton id='accompany-submit' size='mini' busy={busy} onClick={() => void submit()}>
        登记陪同
      </PrimaryButton>
      {done && <Notice id='accompany-done' tone='success'>{done}</Notice>}
      {error && <Notice id='accompany-error' tone='danger'><Text>{error}</Text></Notice>}
    </Card>
  );
}
