import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { isCalendarDate, type PlanView } from '@mashang/shared';
import { PrimaryButton } from '../../components/buttons';
import { Field } from '../../components/field';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { Refusals } from '../../components/refusals';
import { chineseDateFromToday, shanghaiToday } from '../../logic/dates';
import { CHANGE_REASON_MAX, moveDateHint } from '../../logic/plan-changes';
import { ruleLabel } from '../../logic/plan-form';
import type { PlanChange } from './use-plan-actions';

const TITLES = { move: '改期', cancel: '取消计划', alone: '单独检查的理由' } as const;
const SUBMITS = { move: '确认改期', cancel: '确认取消', alone: '说明理由并生成检查码' } as const;
const CLOSES = { move: '不改了', cancel: '不取消', alone: '暂不生成' } as const;
const REFUSAL_TITLES = { move: '不能改期，原因如下：', cancel: '不能取消，原因如下：', alone: '按综合监管场景应联合检查：' } as const;

interface PlanChangeFormProps {
  plan: PlanView;
  change: PlanChange;
  onEdit: (draft: string) => void;
  onSubmit: () => void;
  onClose: () => void;
}

/**
 * `.plan-change[data-kind]` inside a plan's card: the new date (`.plan-change-date`, on H5 fill
 * '.plan-change-date input'), or the reason (`.plan-change-reason`, fill '… textarea'); the server's
 * refusals with their remedies (`.refusal`), `.plan-change-problem`, `.plan-change-submit`, `.plan-change-close`.
 */
export function PlanChangeForm({ plan, change, onEdit, onSubmit, onClose }: PlanChangeFormProps) {
  const today = shanghaiToday();
  const hint = change.kind === 'move' ? moveDateHint(plan, change.draft, today) : null;
  return (
    <View className='plan-change' data-kind={change.kind}>
      <Text className='plan-change__title'>{TITLES[change.kind]}</Text>
      <Refusals id={`plan-refusals-${plan.id}`} title={REFUSAL_TITLES[change.kind]} refusals={change.refusals} label={ruleLabel} />
      {change.kind === 'move' ? (
        <Field label='新的检查日期'>
          {process.env.TARO_ENV === 'weapp' ? (
            <Picker mode='date' value={change.draft} start={today} onChange={(event) => onEdit(event.detail.value)}>
              <View className='plan-change-date field__input field__picker'>
                <Text>{change.draft}</Text>
              </View>
            </Picker>
          ) : (
            <Input className='plan-change-date field__input' value={change.draft} placeholder='年-月-日，如 2026-12-01' maxlength={10} onInput={(event) => onEdit(event.detail.value)} />
          )}
          {isCalendarDate(change.draft.trim()) && <Muted>{chineseDateFromToday(change.draft.trim(), today)}</Muted>}
        </Field>
      ) : (
        <Field label={change.kind === 'cancel' ? '取消原因（记入计划记录）' : '为什么不等其他部门一同检查（司法局可见）'}>
          <Textarea
            className='plan-change-reason field__textarea'
            value={change.draft}
            placeholder={change.kind === 'cancel' ? '如：企业已停业、检查任务已撤销' : '如：消防部门本月已检查过该企业'}
            maxlength={CHANGE_REASON_MAX}
            autoHeight
            onInput={(event) => onEdit(event.detail.value)}
          />
        </Field>
      )}
      {change.kind === 'cancel' && <Muted>取消后本部门不再检查；联合检查的其他部门照常进行。</Muted>}
      {hint && (
        <Notice tone='warning' className='plan-change-hint'>
          {hint}
        </Notice>
      )}
      {change.problem && (
        <Notice tone='danger' className='plan-change-problem'>
          {change.problem}
        </Notice>
      )}
      <View className='plan__actions'>
        <Button className='plan-change-close plan__button' size='mini' onClick={onClose}>
          {CLOSES[change.kind]}
        </Button>
        <PrimaryButton className='plan-change-submit plan__button' size='mini' busy={change.busy} onClick={onSubmit}>
          {SUBMITS[change.kind]}
        </PrimaryButton>
      </View>
    </View>
  );
}
