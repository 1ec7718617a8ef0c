/*
 * What the plan is for: 行政检查, or a visit that is not an inspection (回访、政策宣传、走访调研). Ids for
 * browser tests: #plan-kind with one #kind-<value> chip per kind (`kind--on` when chosen); for a
 * visit, #plan-purpose (a Taro <Textarea>: fill '#plan-purpose textarea').
 */
import { Textarea } from '@tarojs/components';
import { isVisit } from '@mashang/shared';
import { Card } from '../../components/card';
import { Field } from '../../components/field';
import { Muted } from '../../components/muted';
import { RadioChips } from '../../components/radio-chips';
import { REASON_MAX, type PlanForm } from '../../logic/plan-form';
import { PLAN_KIND_OPTIONS, planKindNote, withKind } from '../../logic/visits';

export function PlanKindCard({ form, today, error, onChange }: { form: PlanForm; today: string; error?: string; onChange: (next: PlanForm) => void }) {
  return (
    <Card title='报备类别'>
      <RadioChips
        id='plan-kind'
        className='triggers'
        options={PLAN_KIND_OPTIONS}
        value={form.kind ?? 'inspection'}
        idPrefix='kind'
        chipClassName='trigger'
        onChange={(kind) => onChange(withKind(form, kind, today))}
      />
      <Muted>{planKindNote(form.kind)}</Muted>
      {isVisit(form.kind) && (
        <Field label='走访事由（选填）' error={error}>
          <Textarea
            id='plan-purpose'
            className='field__textarea'
            value={form.reason}
            placeholder='如行政处罚后回访、惠企政策宣讲、营商环境调研'
            maxlength={REASON_MAX}
            autoHeight
            onInput={(event) => onChange({ ...form, reason: event.detail.value })}
          />
        </Field>
      )}
    </Card>
  );
}
