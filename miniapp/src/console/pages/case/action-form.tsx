/*
 * The form for one workflow action on a case (#action-form): what the action needs (an assignee,
 * a note, a deadline, a discipline outcome), a warning before a step that cannot be undone, and
 * #action-submit / #action-cancel.
 */
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { DISCIPLINE_OUTCOME_LABELS, shanghaiDate, type CaseAction, type DisciplineOutcome } from '@mashang/shared';
import { actionForm, actionLabel, confirmNote, type ActionDraft } from '../../logic/console';
import { Chip, FormActions } from '../../components/controls';

interface ActionFormProps {
  action: CaseAction;
  draft: ActionDraft;
  onDraft: (draft: ActionDraft) => void;
  supervisors: { id: number; displayName: string }[];
  error: string;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}

const OUTCOMES = Object.keys(DISCIPLINE_OUTCOME_LABELS) as DisciplineOutcome[];

export function ActionForm({ action, draft, onDraft, supervisors, error, busy, onSubmit, onCancel }: ActionFormProps) {
  const form = actionForm(action);
  const assigneeIndex = Math.max(0, supervisors.findIndex((s) => s.id === draft.assigneeId));
  return (
    <View id='action-form'>
      <Text className='panel__title'>{actionLabel(action)}</Text>
      {form.assignee && (
        <View className='console-field'>
          <Text className='console-field__label'>承办人</Text>
          <Picker
            id='action-assignee'
            mode='selector'
            range={supervisors.map((s) => s.displayName)}
            value={assigneeIndex}
            onChange={(e) => onDraft({ ...draft, assigneeId: supervisors[Number(e.detail.value)]?.id ?? null })}
          >
            <Text className='console-field__input'>{supervisors.find((s) => s.id === draft.assigneeId)?.displayName ?? '本人'} ▾</Text>
          </Picker>
        </View>
      )}
      {form.note === 'required' && (
        <View className='console-field'>
          <Text className='console-field__label'>{action === 'answer-rectification' ? '整改情况' : '说明'}</Text>
          <Textarea id='action-note' className='console-field__textarea' value={draft.note} maxlength={2000} onInput={(e) => onDraft({ ...draft, note: e.detail.value })} />
        </View>
      )}
      {form.deadline !== 'hidden' && (
        <View className='console-field'>
          <Text className='console-field__label'>期限（YYYY-MM-DD{form.deadline === 'optional' ? '，不填用默认期限' : ''}）</Text>
          <Input
            id='action-deadline'
            className='console-field__input'
            value={draft.deadline}
            placeholder={shanghaiDate(new Date())}
            onInput={(e) => onDraft({ ...draft, deadline: e.detail.value })}
          />
        </View>
      )}
      {form.outcome && (
        <View className='chips'>
          {OUTCOMES.map((outcome) => (
            <Chip key={outcome} id={`outcome-${outcome}`} on={draft.outcome === outcome} onClick={() => onDraft({ ...draft, outcome })}>
              {DISCIPLINE_OUTCOME_LABELS[outcome]}
            </Chip>
          ))}
        </View>
      )}
      {form.confirm && <Text className='case__warning'>{confirmNote(action)}</Text>}
      <FormActions ids={{ error: 'action-error', save: 'action-submit', cancel: 'action-cancel' }} failure={error} busy={busy} label='提交' busyLabel='正在提交…' className='case__actions' onSave={onSubmit} onCancel={onCancel} />
    </View>
  );
}
