import { Input, Picker, Text, View } from '@tarojs/components';
import { DECISION_MEASURE_LABELS, DECISION_MEASURES, type PenaltyCaseView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Choice } from '../../../components/choice';
import { Field } from '../../../components/field';
import { FineFields } from './fine-fields';
import { FormProblems } from '../../../components/form-problems';
import { Notice } from '../../../components/notice';
import { useServerForm } from '../../../hooks/use-server-form';
import { shanghaiToday } from '../../../logic/dates';
import { toggleId } from '../../../logic/plan-form';
import {
  DECISION_FIELD_LABELS,
  decisionCheck,
  decisionHints,
  decisionRequest,
  emptyDecisionForm,
  needsHearingDate,
  type DecisionForm as Form,
} from '../../../logic/penalty-forms';
import { decidePenaltyCase } from '../../../services/penalty-cases';

/**
 * 作出处罚决定 (#decision-form): '#decision-fine input' (yuan; #decision-fine-check against the
 * noticed range), measures (`[data-measure-id]`), '#decision-hearing input' when the party requested
 * a hearing (a date Picker in the mini-program), '#decision-reason textarea' when the fine is outside
 * the range, #decision-hints, #decision-submit; problems in #decision-refusals / #decision-error.
 */
export function DecisionFormCard({ view, onDone }: { view: PenaltyCaseView; onDone: (next: PenaltyCaseView) => void }) {
  const [form, setForm] = useState<Form>(() => emptyDecisionForm(view));
  const sending = useServerForm(DECISION_FIELD_LABELS);
  const check = decisionCheck(view, form);
  const today = shanghaiToday();
  const hearing = needsHearingDate(view);
  const update = (patch: Partial<Form>) => {
    setForm((current) => ({ ...current, ...patch }));
    sending.clear();
  };

  const submit = async () => {
    const built = decisionRequest(view, form, shanghaiToday());
    if ('errors' in built) return sending.showErrors(built.errors);
    const next = await sending.send(() => decidePenaltyCase(view.id, built.request));
    if (next) onDone(next);
  };

  return (
    <Card title='作出处罚决定' id='decision-form'>
      <Notice id='decision-hints' tone='warning'>
        {decisionHints(view, Date.now()).map((hint) => (
          <Text key={hint} className='decision-hint'>{hint}</Text>
        ))}
      </Notice>

      <FineFields
        idPrefix='decision'
        label='罚款数额（元）'
        fine={form.fine}
        reason={form.outsideRangeReason}
        check={check}
        fineError={sending.problems.fields.fine}
        reasonError={sending.problems.fields.outsideRangeReason}
        onFine={(fine) => update({ fine })}
        onReason={(outsideRangeReason) => update({ outsideRangeReason })}
      />

      {hearing && (
        <Field label='听证举行日期' error={sending.problems.fields.hearingHeldOn}>
          {process.env.TARO_ENV === 'weapp' ? (
            <Picker mode='date' value={form.hearingHeldOn || today} end={today} onChange={(event) => update({ hearingHeldOn: event.detail.value })}>
              <View id='decision-hearing' className='field__input field__picker'>
                <Text>{form.hearingHeldOn || '选择日期'}</Text>
              </View>
            </Picker>
          ) : (
            <Input
              id='decision-hearing'
              className='field__input'
              value={form.hearingHeldOn}
              placeholder={`年-月-日，如 ${today}`}
              maxlength={10}
              onInput={(event) => update({ hearingHeldOn: event.detail.value })}
            />
          )}
        </Field>
      )}

      <Text className='field__label pc__sublabel'>罚款以外的处罚</Text>
      <View className='choices'>
        {DECISION_MEASURES.map((measure) => (
          <Choice
            key={measure}
            kind='measure'
            id={measure}
            checked={form.measures.includes(measure)}
            name={DECISION_MEASURE_LABELS[measure]}
            sub='属重大执法决定，须经法制审核'
            onToggle={() => update({ measures: toggleId(form.measures, measure) as Form['measures'] })}
          />
        ))}
      </View>

      <FormProblems id='decision' refusedTitle='不能作出决定，原因如下：' lines={sending.fieldLines} refusals={sending.problems.refusals} message={sending.problems.message} />
      <PrimaryButton id='decision-submit' className='pc__submit' busy={sending.busy} onClick={() => void submit()}>
        作出决定
      </PrimaryButton>
    </Card>
  );
}
