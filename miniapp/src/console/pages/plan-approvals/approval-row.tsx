import { Text, Textarea, View } from '@tarojs/components';
import { planApprovalLine, type PlanApprovalView, type RuleRefusal } from '@mashang/shared';
import { cx } from '../../../components/class-names';
import { ruleLabel } from '../../../logic/plan-form';
import { shanghaiTime } from '../../logic/console';
import { APPROVAL_NOTE_MAX, approvalHeadline, approvalTag, type ApprovalChoice } from '../../logic/plan-approvals';
import { Chip, ConsoleButton } from '../../components/controls';

export interface ApprovalDraft {
  choice: ApprovalChoice;
  note: string;
  error: string;
  refusals: RuleRefusal[];
  busy: boolean;
}

export const emptyApprovalDraft = (): ApprovalDraft => ({ choice: '', note: '', error: '', refusals: [], busy: false });

interface ApprovalRowProps {
  plan: PlanApprovalView;
  /** The admin's decision form, on a pending plan of its agency only. */
  draft: ApprovalDraft | null;
  onDraft: (draft: ApprovalDraft) => void;
  onDecide: () => void;
}

/**
 * One plan (.approval-row[data-plan-id]): .approval-row__headline, .approval-row__tag, what it covers
 * (.approval-row__detail), where it stands (.approval-row__state) and, for the agency's admin on a
 * pending one, .approval-choice-approve / .approval-choice-return, .approval-note (fill
 * '.approval-note textarea'), .approval-decide, .approval-error and the refusals (.refusal with
 * .refusal__remedy).
 */
export function ApprovalRow({ plan, draft, onDraft, onDecide }: ApprovalRowProps) {
  const pending = plan.approval?.status === 'pending';
  return (
    <View className='approval-row' data-plan-id={plan.id}>
      <View className='decision-head'>
        <Text className='approval-row__headline'>
          {plan.code} · {approvalHeadline(plan)}
        </Text>
        <Text className={cx('badge', 'approval-row__tag', pending ? 'badge--medium' : 'badge--closed')}>{approvalTag(plan)}</Text>
      </View>
      <Text className='approval-row__detail console__muted'>
        {plan.agencyName ?? ''} · 执法人员：{plan.officerNames.join('、')} · 检查事项：{plan.itemNames.join('、')} · 报备于 {shanghaiTime(plan.filedAt)}
      </Text>
      {plan.reason && <Text className='approval-row__reason'>事由：{plan.reason}</Text>}
      <Text className='approval-row__state'>{planApprovalLine(plan.approval)}</Text>
      {draft && (
        <View className='decision-box'>
          <View className='chips'>
            <Text className='chips__label'>审批</Text>
            <Chip className='approval-choice-approve' on={draft.choice === 'approve'} onClick={() => onDraft({ ...draft, choice: 'approve', error: '' })}>
              批准
            </Chip>
            <Chip className='approval-choice-return' on={draft.choice === 'return'} onClick={() => onDraft({ ...draft, choice: 'return', error: '' })}>
              退回
            </Chip>
          </View>
          <Textarea
            className='approval-note console-field__textarea'
            value={draft.note}
            maxlength={APPROVAL_NOTE_MAX}
            placeholder='审批意见（退回须写明理由，报备人可见）'
            onInput={(e) => onDraft({ ...draft, note: e.detail.value, error: '' })}
          />
          {draft.refusals.map((refusal) => (
            <View key={refusal.rule} className='refusal console__error' data-rule={refusal.rule}>
              <Text className='refusal__message'>
                {ruleLabel(refusal.rule)}：{refusal.message}
              </Text>
              <Text className='refusal__remedy'>怎么办：{refusal.remedy}</Text>
            </View>
          ))}
          {draft.error && <Text className='approval-error console__error'>{draft.error}</Text>}
          <ConsoleButton className='approval-decide' primary disabled={draft.busy} onClick={onDecide}>
            {draft.busy ? '正在提交…' : '提交审批'}
          </ConsoleButton>
        </View>
      )}
    </View>
  );
}
