import { Text, Textarea, View } from '@tarojs/components';
import { COMPLAINT_CONTENT_MAX, type ComplaintView, type EnterpriseInspectionView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Field } from '../../../components/field';
import { Notice } from '../../../components/notice';
import { RadioChips } from '../../../components/radio-chips';
import { errorMessage } from '../../../logic/api-error';
import { complaintContentProblem, complaintReceivedText, complaintStatusText, inspectionChoice } from '../../../logic/complaint-form';
import { shanghaiDateTime } from '../../../logic/dates';
import { complainAsEnterprise } from '../../../services/enterprise';

/** Inspections offered to complain about: the latest few. */
const CHOICES = 5;
const NONE = '';

interface ComplaintsCardProps {
  complaints: ComplaintView[];
  inspections: EnterpriseInspectionView[];
  onFiled: (complaint: ComplaintView) => void;
}

/**
 * 码上响应: the enterprise says what happened (about one of its latest inspections, or in general); the
 * supervisor answers by the deadline and the outcome comes by SMS. Its complaints below, with where each
 * stands. Ids: #ent-complain, #ent-complaint-content (a Taro <Textarea>: fill its inner textarea),
 * #ent-complaint-about with chips `ent-complaint-about-<inspection id>`, #ent-complaint-submit,
 * #ent-complaint-received, #ent-complaint-error; one `.ent-complaint` per complaint with
 * `.ent-complaint__status`.
 */
export function ComplaintsCard({ complaints, inspections, onFiled }: ComplaintsCardProps) {
  const [content, setContent] = useState('');
  const [about, setAbout] = useState(NONE);
  const [error, setError] = useState('');
  const [received, setReceived] = useState('');
  const [busy, setBusy] = useState(false);
  const options = [{ value: NONE, label: '不针对某次检查' }, ...inspections.slice(0, CHOICES).map((i) => ({ value: i.id, label: inspectionChoice(i) }))];

  const submit = async () => {
    const problem = complaintContentProblem(content);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError('');
    try {
      const filed = await complainAsEnterprise({ content: content.trim(), ...(about ? { inspectionId: about } : {}) });
      setReceived(complaintReceivedText(filed));
      setContent('');
      setAbout(NONE);
      onFiled(filed);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card id='ent-complain' title='码上响应（反映问题）'>
      <Text className='ent-home__muted'>对执法检查有意见（重复检查、态度粗暴、未出示证件等），请在这里反映，执法监督部门限期办理并短信答复。</Text>
      <Field label='发生了什么'>
        <Textarea id='ent-complaint-content' className='field__textarea ent-complaint__text' value={content} maxlength={COMPLAINT_CONTENT_MAX}
          placeholder='时间、地点、经过' onInput={(e) => setContent(e.detail.value)} />
      </Field>
      {inspections.length > 0 && (
        <Field label='关于哪次检查（可不选）'>
          <RadioChips id='ent-complaint-about' idPrefix='ent-complaint-about' chipClassName='ent-complaint__chip' options={options} value={about} onChange={setAbout} />
        </Field>
      )}
      <PrimaryButton id='ent-complaint-submit' className='ent-home__button' busy={busy} onClick={() => void submit()}>提交</PrimaryButton>
      {received && <Notice id='ent-complaint-received' tone='success'>{received}</Notice>}
      {error && <Notice id='ent-complaint-error' tone='danger'>{error}</Notice>}
      {complaints.map((c) => (
        <View key={c.id} className='ent-complaint' data-complaint-id={c.id}>
          <Text className='ent-trail__when'>{shanghaiDateTime(c.receivedAt)} · {c.channelLabel}{c.inspection ? ` · 关于${inspectionChoice(c.inspection)}的检查` : ''}</Text>
          <Text className='ent-complaint__content'>{c.content}</Text>
          <Text className='ent-complaint__status'>{complaintStatusText(c)}</Text>
        </View>
      ))}
    </Card>
  );
}
