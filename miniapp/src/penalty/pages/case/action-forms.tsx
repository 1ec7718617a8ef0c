import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { COERCIVE_MEASURE_KINDS, COERCIVE_MEASURE_KIND_LABELS, type PenaltyCaseAction, type PenaltyCaseView } from '@mashang/shared';
import { useState } from 'react';
import { PrimaryButton } from '../../../components/buttons';
import { Card } from '../../../components/card';
import { Field } from '../../../components/field';
import { FormProblems } from '../../../components/form-problems';
import { Muted } from '../../../components/muted';
import { RadioChips } from '../../../components/radio-chips';
import { useServerForm } from '../../../hooks/use-server-form';
import { shanghaiToday } from '../../../logic/dates';
import { actionLabel } from '../../../logic/penalty-case';
import {
  CAUSE_FIELD_LABELS,
  causeRequest,
  COERCIVE_FIELD_LABELS,
  coerciveRequest,
  emptyCoerciveForm,
  REASON_MAX,
  reasonProblem,
  type CoerciveForm,
} from '../../../logic/penalty-forms';
import { changeCause, closePenaltyCase, revokePenaltyCase, startCoerciveMeasure } from '../../../services/penalty-cases';

/** The actions opened from buttons; 告知 and 作出决定 have cards of their own. */
export const BUTTON_ACTIONS: readonly PenaltyCaseAction[] = ['coerce', 'change-cause', 'close', 'revoke'];

const KIND_OPTIONS = COERCIVE_MEASURE_KINDS.map((kind) => ({ value: kind, label: COERCIVE_MEASURE_KIND_LABELS[kind] }));

const REASON_WORDS: Partial<Record<PenaltyCaseAction, { label: string; placeholder: string; note?: string }>> = {
  close: { label: '结案理由', placeholder: '如：罚款已缴纳，处罚决定执行完毕' },
  revoke: { label: '撤销立案的理由', placeholder: '如：违法事实不能成立', note: '撤销后案件不能再办理。' },
  'change-cause': { label: '变更理由', placeholder: '写明变更案由的事实依据', note: '变更后须按新条款重新告知。' },
};

interface FormProps {
  view: PenaltyCaseView;
  onDone: (next: PenaltyCaseView) => void;
  onCancel: () => void;
}

/**
 * 结案, 撤销立案, 变更案由 (#reason-form): '#cause-to input' for a cause change, '#reason-text
 * textarea', #reason-submit, #reason-cancel; problems in #reason-refusals / #reason-error.
 */
export function ReasonForm({ view, action, onDone, onCancel }: FormProps & { action: 'close' | 'revoke' | 'change-cause' }) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const words = REASON_WORDS[action]!;
  const sending = useServerForm({ ...CAUSE_FIELD_LABELS, reason: words.label });

  const submit = async () => {
    let send: () => Promise<PenaltyCaseView>;
    if (action === 'change-cause') {
      const built = causeRequest(view, { to, reason });
      if ('errors' in built) return sending.showErrors(built.errors);
      send = () => changeCause(view.id, built.request);
    } else {
      const problem = reasonProblem(reason, words.label);
      if (problem) return sending.showErrors({ reason: problem });
      send = () => (action === 'close' ? closePenaltyCase(view.id, reason.trim()) : revokePenaltyCase(view.id, reason.trim()));
    }
    const next = await sending.send(send);
    if (next) onDone(next);
  };

  return (
    <View id='reason-form' className='pc-form'>
      <Text className='pc-form__title'>{actionLabel(action)}</Text>
      {action === 'change-cause' && (
        <Field label='新的违法条款编号' error={sending.problems.fields.to}>
          <Input id='cause-to' className='field__input' value={to} placeholder='裁量基准中的条款编号' maxlength={64} onInput={(e) => setTo(e.detail.value)} />
        </Field>
      )}
      <Field label={words.label} error={sending.problems.fields.reason}>
        <Textarea id='reason-text' className='field__textarea' value={reason} placeholder={words.placeholder} maxlength={REASON_MAX} autoHeight onInput={(e) => setReason(e.detail.value)} />
      </Field>
      {words.note && <Muted>{words.note}</Muted>}
      <FormProblems id='reason' refusedTitle='不能办理，原因如下：' lines={[]} refusals={sending.problems.refusals} message={sending.problems.message} />
      <View className='pc-form__buttons'>
        <PrimaryButton id='reason-submit' className='pc-form__button' busy={sending.busy} onClick={() => void submit()}>
          确认{actionLabel(action)}
        </PrimaryButton>
        <Button id='reason-cancel' className='pc-form__button' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

/**
 * 采取强制措施 (#coerce-form): #coerce-kind-seal / #coerce-kind-seize, '#coerce-items textarea',
 * '#coerce-doc input', '#coerce-date input' (H5; a date Picker in the mini-program; empty: today),
 * #coerce-submit, #coerce-cancel; problems in #coerce-refusals / #coerce-error.
 */
export function CoerciveForm({ view, onDone, onCancel }: FormProps) {
  const [form, setForm] = useState<CoerciveForm>(emptyCoerciveForm);
  const sending = useServerForm(COERCIVE_FIELD_LABELS);
  const today = shanghaiToday();
  const update = (patch: Partial<CoerciveForm>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async () => {
    const built = coerciveRequest(form, shanghaiToday());
    if ('errors' in built) return sending.showErrors(built.errors);
    const next = await sending.send(() => startCoerciveMeasure(view.id, built.request));
    if (next) onDone(next);
  };

  return (
    <View id='coerce-form' className='pc-form'>
      <Text className='pc-form__title'>采取强制措施</Text>
      <RadioChips id='coerce-kind' options={KIND_OPTIONS} value={form.kind} idPrefix='coerce-kind' chipClassName='pc-chip' onChange={(kind) => update({ kind })} />
      <Field label='查封、扣押的场所、设施或财物' error={sending.problems.fields.items}>
        <Textarea id='coerce-items' className='field__textarea' value={form.items} placeholder='如：过期食品12箱' maxlength={REASON_MAX} autoHeight onInput={(e) => update({ items: e.detail.value })} />
      </Field>
      <Field label='决定书文号' error={sending.problems.fields.documentNo}>
        <Input id='coerce-doc' className='field__input' value={form.documentNo} placeholder='如：市监扣〔2026〕1号' maxlength={64} onInput={(e) => update({ documentNo: e.detail.value })} />
      </Field>
      <Field label='开始日期（不填为今天）' error={sending.problems.fields.startedOn}>
        {process.env.TARO_ENV === 'weapp' ? (
          <Picker mode='date' value={form.startedOn || today} end={today} onChange={(e) => update({ startedOn: e.detail.value })}>
            <View id='coerce-date' className='field__input field__picker'>
              <Text>{form.startedOn || today}</Text>
            </View>
          </Picker>
        ) : (
          <Input id='coerce-date' className='field__input' value={form.startedOn} placeholder={today} maxlength={10} onInput={(e) => update({ startedOn: e.detail.value })} />
        )}
      </Field>
      <FormProblems id='coerce' refusedTitle='不能采取强制措施，原因如下：' lines={[]} refusals={sending.problems.refusals} message={sending.problems.message} />
      <View className='pc-form__buttons'>
        <PrimaryButton id='coerce-submit' className='pc-form__button' busy={sending.busy} onClick={() => void submit()}>
          确认
        </PrimaryButton>
        <Button id='coerce-cancel' className='pc-form__button' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

/** The buttons of the actions the case allows now (#pc-actions, `#pc-action-<action>`), and the open form. */
export function ActionsCard({ view, onDone }: { view: PenaltyCaseView; onDone: (next: PenaltyCaseView) => void }) {
  const [open, setOpen] = useState<PenaltyCaseAction | null>(null);
  const actions = BUTTON_ACTIONS.filter((a) => view.actions.includes(a));
  if (!actions.length) return null;
  const done = (next: PenaltyCaseView) => {
    setOpen(null);
    onDone(next);
  };
  return (
    <Card title='办理' id='pc-actions'>
      <View className='pc-actions'>
        {actions.map((action) => (
          <Button key={action} id={`pc-action-${action}`} className='pc-actions__button' size='mini' onClick={() => setOpen(open === action ? null : action)}>
            {actionLabel(action)}
          </Button>
        ))}
      </View>
      {open === 'coerce' && <CoerciveForm view={view} onDone={done} onCancel={() => setOpen(null)} />}
      {(open === 'close' || open === 'revoke' || open === 'change-cause') && (
        <ReasonForm key={open} view={view} action={open} onDone={done} onCancel={() => setOpen(null)} />
      )}
    </Card>
  );
}
