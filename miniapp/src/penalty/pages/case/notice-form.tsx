import { Text, View } from '@tarojs/components';
import { DECISION_MEASURE_LABELS, DECISION_MEASURES, DISCRETION_LEVEL_LABELS, type PenaltyCaseView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Choice } from '../../../components/choice';
import { FineFields } from './fine-fields';
import { FormProblems } from '../../../components/form-problems';
import { Muted } from '../../../components/muted';
import { useServerForm } from '../../../hooks/use-server-form';
import { rangeText } from '../../../logic/money';
import { pointsText } from '../../../logic/penalty-case';
import { toggleId } from '../../../logic/plan-form';
import {
  emptyNoticeForm,
  NOTICE_FIELD_LABELS,
  noticeCheck,
  noticeRequest,
  type NoticeForm as Form,
} from '../../../logic/penalty-forms';
import { noticePenaltyCase } from '../../../services/penalty-cases';

/**
 * 行政处罚告知 (#notice-form): tick the benchmark's factors (`[data-factor-id]`) and see points,
 * level and range at once (#notice-live: #notice-points, #notice-level, #notice-range); the proposed
 * fine in yuan ('#notice-fine input', #notice-fine-check); '#notice-reason textarea' only when the
 * fine is outside the range; other measures (`[data-measure-id]`); #notice-submit; problems in
 * #notice-refusals / #notice-error.
 */
export function NoticeFormCard({ view, onDone }: { view: PenaltyCaseView; onDone: (next: PenaltyCaseView) => void }) {
  const [form, setForm] = useState<Form>(() => emptyNoticeForm(view));
  const sending = useServerForm(NOTICE_FIELD_LABELS);
  const check = noticeCheck(view, form);
  const update = (patch: Partial<Form>) => {
    setForm((current) => ({ ...current, ...patch }));
    sending.clear();
  };

  const submit = async () => {
    const built = noticeRequest(view, form);
    if ('errors' in built) return sending.showErrors(built.errors);
    const next = await sending.send(() => noticePenaltyCase(view.id, built.request));
    if (next) onDone(next);
  };

  return (
    <Card title='行政处罚告知' id='notice-form'>
      <Muted>勾选本案的裁量情节，系统按裁量基准计算分值、档次和罚款幅度。</Muted>
      {view.factors.length === 0 && <Muted>该条款的裁量基准没有列出裁量情节。</Muted>}
      <View className='choices'>
        {view.factors.map((factor) => (
          <Choice
            key={factor.id}
            kind='factor'
            id={factor.id}
            checked={form.factorIds.includes(factor.id)}
            name={factor.label}
            sub={pointsText(factor.points)}
            onToggle={() => update({ factorIds: toggleId(form.factorIds, factor.id) })}
          />
        ))}
      </View>

      {check.assessment ? (
        <View id='notice-live' className='pc-live'>
          <Text id='notice-points' className='pc-live__item'>{check.assessment.points}分</Text>
          <Text id='notice-level' className='pc-live__item pc-live__level'>{DISCRETION_LEVEL_LABELS[check.assessment.level]}</Text>
          <Text id='notice-range' className='pc-live__range'>罚款幅度 {rangeText(check.assessment.range)}</Text>
        </View>
      ) : (
        <Muted>没有该条款的裁量基准，无法计算幅度；提交后以系统核定为准。</Muted>
      )}

      <FineFields
        idPrefix='notice'
        label='拟罚款数额（元）'
        fine={form.fine}
        reason={form.outsideRangeReason}
        check={check}
        fineError={sending.problems.fields.proposedFine}
        reasonError={sending.problems.fields.outsideRangeReason}
        reasonPlaceholder='写明从轻、减轻或从重处罚的事实和依据'
        onFine={(fine) => update({ fine })}
        onReason={(outsideRangeReason) => update({ outsideRangeReason })}
      />

      <Text className='field__label pc__sublabel'>罚款以外拟作出的处罚（可不选）</Text>
      <View className='choices'>
        {DECISION_MEASURES.map((measure) => (
          <Choice
            key={measure}
            kind='measure'
            id={measure}
            checked={form.measures.includes(measure)}
            name={DECISION_MEASURE_LABELS[measure]}
            sub='当事人可申请听证；决定须经法制审核'
            onToggle={() => update({ measures: toggleId(form.measures, measure) as Form['measures'] })}
          />
        ))}
      </View>

      <FormProblems id='notice' refusedTitle='不能告知，原因如下：' lines={sending.fieldLines} refusals={sending.problems.refusals} message={sending.problems.message} />
      <PrimaryButton id='notice-submit' className='pc__submit' busy={sending.busy} onClick={() => void submit()}>
        告知当事人
      </PrimaryButton>
    </Card>
  );
}
