import { Button, Text, Textarea, View } from '@tarojs/components';
import { COERCIVE_MEASURE_KIND_LABELS, type CoerciveMeasureView, type PenaltyCaseView, type TrailEntryView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { CaseTrail } from '../../../components/case-trail';
import { Field } from '../../../components/field';
import { FormProblems } from '../../../components/form-problems';
import { Muted } from '../../../components/muted';
import { Notice } from '../../../components/notice';
import { Tag } from '../../../components/tag';
import { useServerForm } from '../../../hooks/use-server-form';
import { yuanText } from '../../../logic/money';
import {
  instantText,
  measuresText,
  measureState,
  reviewReasonsText,
  reviewVerdictText,
  submissionKindLabel,
  submissionStatusText,
} from '../../../logic/penalty-case';
import { REASON_MAX, reasonProblem } from '../../../logic/penalty-forms';
import { extendCoerciveMeasure, releaseCoerciveMeasure } from '../../../services/penalty-cases';

type MeasureStep = 'extend' | 'release';
const STEP_WORDS: Record<MeasureStep, { label: string; reason: string }> = {
  extend: { label: '延长期限', reason: '延长理由' },
  release: { label: '解除', reason: '解除理由' },
};

function MeasureRow({ measure, view, mayAct, onDone }: { measure: CoerciveMeasureView; view: PenaltyCaseView; mayAct: boolean; onDone: (next: PenaltyCaseView) => void }) {
  const [step, setStep] = useState<MeasureStep | null>(null);
  const [reason, setReason] = useState('');
  const sending = useServerForm({ reason: '理由' });
  const state = measureState(measure, view.stage, mayAct, Date.now());

  const submit = async () => {
    if (!step) return;
    const problem = reasonProblem(reason, STEP_WORDS[step].reason);
    if (problem) return sending.showErrors({ reason: problem });
    const next = await sending.send(() => (step === 'extend' ? extendCoerciveMeasure(measure.id, reason.trim()) : releaseCoerciveMeasure(measure.id, reason.trim())));
    if (next) {
      setStep(null);
      setReason('');
      onDone(next);
    }
  };

  return (
    <View className='pc-measure' data-measure-id={measure.id}>
      <View className='pc-measure__head'>
        <Text className='pc-measure__what'>{COERCIVE_MEASURE_KIND_LABELS[measure.kind]}：{measure.items}</Text>
        <Tag tone={state.tone} soft className='pc-measure__status'>{state.status}</Tag>
      </View>
      <Text className='pc-measure__line'>文号 {measure.documentNo} · {instantText(measure.startedAt)} 起 · 期限至 {instantText(measure.dueAt)}</Text>
      {measure.extensionReason && <Muted>延长理由：{measure.extensionReason}</Muted>}
      {measure.releaseReason && <Muted>解除理由：{measure.releaseReason}</Muted>}
      {(state.canExtend || state.canRelease) && !step && (
        <View className='pc-actions'>
          {state.canExtend && (
            <Button className='pc-actions__button pc-measure__extend' size='mini' onClick={() => setStep('extend')}>
              延长期限
            </Button>
          )}
          {state.canRelease && (
            <Button className='pc-actions__button pc-measure__release' size='mini' onClick={() => setStep('release')}>
              解除
            </Button>
          )}
        </View>
      )}
      {step && (
        <View className='pc-form pc-measure__form'>
          <Field label={STEP_WORDS[step].reason} error={sending.problems.fields.reason}>
            <Textarea className='field__textarea pc-measure__reason' value={reason} maxlength={REASON_MAX} autoHeight onInput={(e) => setReason(e.detail.value)} />
          </Field>
          <FormProblems id={`measure-${measure.id}`} refusedTitle='不能办理，原因如下：' lines={[]} refusals={sending.problems.refusals} message={sending.problems.message} />
          <View className='pc-form__buttons'>
            <PrimaryButton className='pc-form__button pc-measure__submit' busy={sending.busy} onClick={() => void submit()}>
              确认{STEP_WORDS[step].label}
            </PrimaryButton>
            <Button className='pc-form__button' onClick={() => setStep(null)}>
              取消
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

/** 强制措施 (#pc-measures, `.pc-measure[data-measure-id]` with `.pc-measure__extend`, `.pc-measure__release`). */
export function MeasuresCard({ view, mayAct, onDone }: { view: PenaltyCaseView; mayAct: boolean; onDone: (next: PenaltyCaseView) => void }) {
  if (!view.coerciveMeasures.length) return null;
  return (
    <Card title='强制措施' id='pc-measures'>
      {view.coerciveMeasures.map((measure) => (
        <MeasureRow key={measure.id} measure={measure} view={view} mayAct={mayAct} onDone={onDone} />
      ))}
    </Card>
  );
}

/** 当事人陈述、申辩、听证申请与异议 (#pc-submissions, `.pc-submission[data-kind]`). */
export function SubmissionsCard({ view }: { view: PenaltyCaseView }) {
  if (!view.notifiedAt) return null;
  return (
    <Card title='当事人意见' id='pc-submissions'>
      {view.submissions.length === 0 && <Muted id='pc-submissions-empty'>当事人尚未提出陈述、申辩或听证申请。</Muted>}
      {view.submissions.map((s) => (
        <View key={s.id} className='pc-record pc-submission' data-kind={s.kind}>
          <View className='pc-record__head'>
            <Text className='pc-record__what'>{submissionKindLabel(s)}</Text>
            <Text className='pc-record__time'>{instantText(s.at)}</Text>
          </View>
          {s.text && <Text className='pc-record__text'>{s.text}</Text>}
          {submissionStatusText(s) && <Muted>{submissionStatusText(s)}</Muted>}
        </View>
      ))}
    </Card>
  );
}

/** 法制审核 (#pc-reviews, `.pc-review[data-verdict="approved|returned|pending"]`). */
export function ReviewsCard({ view }: { view: PenaltyCaseView }) {
  if (!view.reviews.length) return null;
  return (
    <Card title='法制审核' id='pc-reviews'>
      {view.reviews.map((r) => (
        <View key={r.id} className='pc-record pc-review' data-verdict={r.verdict ?? 'pending'}>
          <View className='pc-record__head'>
            <Text className='pc-record__what'>{reviewVerdictText(r)}</Text>
            <Text className='pc-record__time'>{instantText(r.decidedAt ?? r.requestedAt)}</Text>
          </View>
          <Text className='pc-record__text'>
            罚款 {yuanText(r.fine)}{r.measures.length ? `，${measuresText(r.measures)}` : ''} · 重大原因：{reviewReasonsText(r.reasons)}
          </Text>
          {r.verdict === null && <Muted>审核期限：{instantText(r.dueAt)}</Muted>}
          {r.opinion && <Text className='pc-record__text'>审核意见：{r.opinion}{r.reviewer ? `（${r.reviewer}）` : ''}</Text>}
        </View>
      ))}
    </Card>
  );
}

/** 全过程记录 (#pc-trail): the case's own chain, in Chinese. */
export function TrailCard({ trail }: { trail: { entries: TrailEntryView[] | null; error: string } }) {
  return (
    <Card title='全过程记录' id='pc-trail'>
      {!trail.entries && !trail.error && <Muted>正在读取…</Muted>}
      {trail.error && <Notice tone='danger'>{trail.error}</Notice>}
      {trail.entries && <CaseTrail entries={trail.entries} />}
    </Card>
  );
}
