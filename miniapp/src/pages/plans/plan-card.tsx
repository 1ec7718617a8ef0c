import { Button, Text, View } from '@tarojs/components';
import { planApprovalLabel, planApprovalLine, type PlanView } from '@mashang/shared';
import { PrimaryButton } from '../../components/buttons';
import { cx } from '../../components/class-names';
import { Muted } from '../../components/muted';
import { Notice } from '../../components/notice';
import { Tag } from '../../components/tag';
import { chineseDate } from '../../logic/dates';
import { dateMoved, inspectionMembers, planActions, type PlanEventLine } from '../../logic/plans';
import { triggerTone } from '../../logic/tones';
import { triggerLabel } from '../../logic/triggers';
import { accompanyingLine, visitTag } from '../../logic/visits';
import { PlanChangeForm } from './plan-change';
import type { PlanChange } from './use-plan-actions';
import { EnterpriseSlots } from './enterprise-slots';
import { OffsiteEntry } from './offsite-entry';

export interface HistoryState {
  open: boolean;
  loading: boolean;
  lines: PlanEventLine[] | null;
  error: string;
}

function PlanHistory({ state }: { state: HistoryState }) {
  return (
    <View className='plan-history'>
      {state.loading && <Muted>正在读取计划记录…</Muted>}
      {state.error && <Notice tone='danger'>{state.error}</Notice>}
      {state.lines?.length === 0 && <Muted>暂无记录</Muted>}
      {state.lines?.map((line, index) => (
        <View key={index} className='plan-event'>
          <View className='plan-event__head'>
            <Text className='plan-event__title'>{line.title}</Text>
            <Text className='plan-event__time'>{line.time}</Text>
          </View>
          <Text className='plan-event__text'>{line.text}</Text>
          {line.note && <Text className='plan-event__note'>{line.note}</Text>}
          <Text className='plan-event__actor'>操作人：{line.actor}</Text>
        </View>
      ))}
    </View>
  );
}

interface PlanCardProps {
  plan: PlanView;
  /** The plan just filed, outlined. */
  justFiled: boolean;
  /** Officers and agency admins issue codes, move and cancel; overseers only look. */
  mayChange: boolean;
  issuing: boolean;
  codeError: string | undefined;
  history: HistoryState | undefined;
  /** The change form open on this plan, if any. */
  change: PlanChange | null;
  onIssue: () => void;
  onToggleHistory: () => void;
  onMove: () => void;
  onCancel: () => void;
  onEditChange: (draft: string) => void;
  onSubmitChange: () => void;
  onCloseChange: () => void;
}

/**
 * One plan of the list (`.plan[data-plan-id]`): code, enterprise, date, joint partners, its code
 * button (`.plan-code-button`), `.plan-move` (改期), `.plan-cancel` (取消计划), the open change form, and its history.
 */
export function PlanCard(props: PlanCardProps) {
  const { plan, justFiled, mayChange, issuing, codeError, history, change } = props;
  const actions = planActions(plan);
  return (
    <View className={cx('plan', justFiled && 'plan--new')} data-plan-id={plan.id}>
      <View className='plan__head'>
        <Text className='plan-code plan__code'>{plan.code}</Text>
        <Tag tone={triggerTone(plan.trigger)} soft className='plan__trigger'>
          {visitTag(plan.kind) || triggerLabel(plan.trigger)}
        </Tag>
      </View>
      <Text className='plan__line'>企业信用代码：{plan.creditCode}</Text>
      <Text className='plan__line plan__date'>检查日期：{chineseDate(plan.inspection.date)}</Text>
      {dateMoved(plan) && <Text className='plan__line plan__line--muted'>（报备日期 {plan.plannedDate}，随联合检查调整）</Text>}
      {plan.reason && <Text className='plan__line plan__line--muted'>事由：{plan.reason}</Text>}
      {accompanyingLine(plan.accompanying) && <Text className='plan__line plan-accompanying'>{accompanyingLine(plan.accompanying)}</Text>}
      {plan.campaign && <Text className='plan__line plan__campaign'>专项检查：{plan.campaign.name}</Text>}
      {plan.approval && (
        <View className='plan-approval' data-status={plan.approval.status}>
          <Tag tone={plan.approval.status === 'returned' ? 'danger' : plan.approval.status === 'approved' ? 'success' : 'warning'} className='plan-approval__tag'>
            {planApprovalLabel(plan.approval)}
          </Tag>
          <Text className='plan-approval__line'>{planApprovalLine(plan.approval)}</Text>
        </View>
      )}
      {plan.inspection.joint && (
        <View className='plan-joint'>
          <Tag tone='accent' className='plan-joint__badge'>
            联合检查
          </Tag>
          <View className='plan-joint__members'>
            {inspectionMembers(plan).map((member) => (
              <Text key={member.planId} className={cx('plan-joint__member', member.lead && 'plan-joint__member--lead')}>
                {member.agencyName}
                {member.lead ? '（牵头）' : ''}
              </Text>
            ))}
          </View>
        </View>
      )}

      <View className='plan__actions'>
        {mayChange && actions.code && (
          <PrimaryButton className='plan-code-button plan__button' size='mini' busy={issuing} onClick={props.onIssue}>
            生成检查码
          </PrimaryButton>
        )}
        <Button className='plan-history-toggle plan__button' size='mini' onClick={props.onToggleHistory}>
          {history?.open ? '收起记录' : '计划记录'}
        </Button>
      </View>
      {mayChange && !change && (actions.move || actions.cancel) && (
        <View className='plan__actions'>
          {actions.move && (
            <Button className='plan-move plan__button' size='mini' onClick={props.onMove}>
              改期
            </Button>
          )}
          {actions.cancel && (
            <Button className='plan-cancel plan__button plan__button--danger' size='mini' onClick={props.onCancel}>
              {plan.status === 'awaiting' ? '撤回计划' : '取消计划'}
            </Button>
          )}
        </View>
      )}
      <OffsiteEntry plan={plan} mayChange={mayChange} />
      <EnterpriseSlots planId={plan.id} />
      {codeError && (
        <Notice tone='danger' className='plan-code-error'>
          {codeError}
        </Notice>
      )}
      {change && <PlanChangeForm plan={plan} change={change} onEdit={props.onEditChange} onSubmit={props.onSubmitChange} onClose={props.onCloseChange} />}
      {history?.open && <PlanHistory state={history} />}
    </View>
  );
}
