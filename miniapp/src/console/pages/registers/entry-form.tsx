/*
 * #register-form: one entry of a register, created or edited. Each field `#field-<key>`: an Input
 * (fill '#field-<key> input'), a Textarea (the legal basis and the booklet's guidance: '#field-basis textarea',
 * '#field-commonViolations textarea', '#field-complianceGuide textarea'), a chip to toggle
 * (flags: 在岗, 无事不扰, 无感监管), chips #grade-<A–D>, .kind-choice[data-kind], or a picker of the
 * agency; `.register-field-error[data-field]` under a field, #register-form-error, #register-save,
 * #register-cancel.
 */
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { AGENCY_KIND_LABELS, CREDIT_GRADE_LABELS, type AgencyDto, type RegisterKind } from '@mashang/shared';
import { fieldLabel, formFields, type Draft, type FieldSpec } from '../../logic/registers';
import { Chip, FormActions } from '../../components/controls';

interface EntryFormProps {
  register: RegisterKind;
  creating: boolean;
  draft: Draft;
  errors: Record<string, string>;
  failure: string;
  busy: boolean;
  /** Agencies a new officer or item may belong to (an agency admin: its own). */
  agencies: AgencyDto[];
  /** Shown above the form: the entry being edited, with its phone masked. */
  title: string;
  onDraft: (draft: Draft) => void;
  onSave: () => void;
  onCancel: () => void;
}

const FLAG_TEXT: Record<string, [string, string]> = {
  active: ['在岗（点击改为停用）', '已停用（点击恢复在岗）'],
  noDisturb: ['在无事不扰清单内（点击移出）', '不在无事不扰清单内（点击列入）'],
  lowTouch: ['在无感监管名单内（点击移出）', '不在无感监管名单内（点击列入）'],
  planApproval: ['检查计划须经负责人审批（点击取消）', '检查计划无须审批（点击改为须审批）'],
};

const PLACEHOLDERS: Record<string, string> = {
  id: '字母、数字，如 A001-015',
  region: '6位行政区划代码，如 410202',
  certExpires: '年-月-日，不填表示未知',
  creditCode: '18位统一社会信用代码',
  industries: '多个行业用、分隔，如 餐饮服务、食品销售；一企一册按行业列出本事项',
};

function FieldInput({ field, draft, agencies, creating, onDraft }: { field: FieldSpec; draft: Draft; agencies: AgencyDto[]; creating: boolean; onDraft: (draft: Draft) => void }) {
  const value = draft[field.key];
  const set = (next: string | boolean) => onDraft({ ...draft, [field.key]: next });
  const id = `field-${field.key}`;
  if (!creating && field.createOnly) {
    const shown = field.kind === 'agency' ? agencies.find((a) => a.id === value)?.name ?? String(value) : String(value);
    return <Text id={id} className='console-field__value'>{shown}</Text>;
  }
  switch (field.kind) {
    case 'flag':
      return (
        <Chip id={id} on={Boolean(value)} onClick={() => set(!value)}>
          {FLAG_TEXT[field.key]?.[value ? 0 : 1] ?? (value ? '是' : '否')}
        </Chip>
      );
    case 'grade':
      return (
        <View className='chips'>
          {Object.entries(CREDIT_GRADE_LABELS).map(([grade, label]) => (
            <Chip key={grade} id={`grade-${grade}`} on={value === grade} onClick={() => set(grade)}>
              {label}
            </Chip>
          ))}
        </View>
      );
    case 'kind':
      return (
        <View className='chips'>
          {Object.entries(AGENCY_KIND_LABELS).map(([kind, label]) => (
            <Chip key={kind} className='kind-choice' data-kind={kind} on={value === kind} onClick={() => set(kind)}>
              {label}
            </Chip>
          ))}
        </View>
      );
    case 'agency': {
      const index = Math.max(0, agencies.findIndex((a) => a.id === value));
      return agencies.length === 1 ? (
        <Text id={id} className='console-field__value'>{agencies[0].name}</Text>
      ) : (
        <Picker id={id} mode='selector' range={agencies.map((a) => a.name)} value={index} onChange={(e) => set(agencies[Number(e.detail.value)]?.id ?? '')}>
          <Text className='console-field__input'>{agencies.find((a) => a.id === value)?.name ?? '请选择所属部门'} ▾</Text>
        </Picker>
      );
    }
    case 'textarea':
      return <Textarea id={id} className='console-field__textarea' value={String(value)} maxlength={field.max ?? 2000} onInput={(e) => set(e.detail.value)} />;
    default:
      return (
        <Input
          id={id}
          className='console-field__input'
          value={String(value)}
          placeholder={field.kind === 'phone' ? (creating ? '可不填' : '不改请留空（原号码不显示）') : PLACEHOLDERS[field.key] ?? ''}
          maxlength={field.max ?? 64}
          onInput={(e) => set(e.detail.value)}
        />
      );
  }
}

export function EntryForm({ register, creating, draft, errors, failure, busy, agencies, title, onDraft, onSave, onCancel }: EntryFormProps) {
  return (
    <View id='register-form'>
      <Text className='panel__title'>{title}</Text>
      {formFields(register, creating).map((field) => (
        <View key={field.key} className='console-field'>
          <Text className='console-field__label'>
            {fieldLabel(register, field.key)}
            {field.required && (creating || !field.createOnly) ? ' *' : ''}
          </Text>
          <FieldInput field={field} draft={draft} agencies={agencies} creating={creating} onDraft={onDraft} />
          {errors[field.key] && (
            <Text className='console-field__error register-field-error' data-field={field.key}>
              {errors[field.key]}
            </Text>
          )}
        </View>
      ))}
      {register === 'officers' && !creating && <Text className='console__muted'>停用后该执法人员不能再列入新的检查计划，其登录账号同时停用；恢复在岗后账号恢复。</Text>}
      <FormActions ids={{ error: 'register-form-error', save: 'register-save', cancel: 'register-cancel' }} failure={failure} busy={busy} label='保存' busyLabel='正在保存…' onSave={onSave} onCancel={onCancel} />
    </View>
  );
}
