/*
 * The form of one scenario (#scenario-form): #scenario-name, #scenario-industries (a Textarea: fill
 * '#scenario-industries textarea'), the register's industries as .industry-chip[data-industry] (a
 * click adds one), #scenario-unknown (typed industries no enterprise has), #scenario-agency-search,
 * .agency-choice[data-agency-id] (a click ticks or unticks; chip--on when ticked), #scenario-active
 * (editing only), .console-field__error per field, #scenario-error, #scenario-save, #scenario-cancel.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { AgencyDto, IndustryCount } from '@mashang/shared';
import { useState } from 'react';
import { toggleId } from '../../../logic/plan-form';
import { addIndustry, agencyChoices, unknownIndustries, type ScenarioDraft, type ScenarioErrors } from '../../logic/scenarios';
import { Chip, FormActions } from '../../components/controls';

interface ScenarioFormProps {
  draft: ScenarioDraft;
  errors: ScenarioErrors;
  failure: string;
  busy: boolean;
  agencies: AgencyDto[];
  industries: IndustryCount[];
  onDraft: (draft: ScenarioDraft) => void;
  onSave: () => void;
  onCancel: () => void;
}

/** Industries offered to pick from at most; the rest are typed. */
const SHOWN_INDUSTRIES = 40;

export function ScenarioForm({ draft, errors, failure, busy, agencies, industries, onDraft, onSave, onCancel }: ScenarioFormProps) {
  const [search, setSearch] = useState('');
  const unknown = unknownIndustries(draft, industries);
  const error = (text?: string) => text && <Text className='console-field__error'>{text}</Text>;
  return (
    <View id='scenario-form'>
      <Text className='panel__title'>{draft.id ? '修改场景' : '新建场景'}</Text>
      <View className='console-field'>
        <Text className='console-field__label'>场景名称</Text>
        <Input id='scenario-name' className='console-field__input' value={draft.name} maxlength={200} placeholder='如：餐饮店开业联合检查' onInput={(e) => onDraft({ ...draft, name: e.detail.value })} />
        {error(errors.name)}
      </View>
      <View className='console-field'>
        <Text className='console-field__label'>适用行业（与企业名录登记的行业一致；用顿号、逗号或换行分隔）</Text>
        <Textarea id='scenario-industries' className='console-field__textarea' value={draft.industriesText} maxlength={4000} onInput={(e) => onDraft({ ...draft, industriesText: e.detail.value })} />
        {error(errors.industries)}
        {unknown.length > 0 && (
          <Text id='scenario-unknown' className='console-field__warning'>
            企业名录中没有登记为“{unknown.join('、')}”的企业，场景对其不起作用，请核对行业名称。
          </Text>
        )}
        <View className='chips'>
          <Text className='chips__label'>名录行业</Text>
          {industries.slice(0, SHOWN_INDUSTRIES).map((item) => (
            <Chip key={item.industry} className='industry-chip' data-industry={item.industry} on={false} onClick={() => onDraft({ ...draft, industriesText: addIndustry(draft.industriesText, item.industry) })}>
              {item.industry}（{item.enterprises}）
            </Chip>
          ))}
        </View>
      </View>
      <View className='console-field'>
        <Text className='console-field__label'>应联合检查的执法部门（已选 {draft.agencyIds.length} 个）</Text>
        <Input id='scenario-agency-search' className='console-field__input' value={search} placeholder='按部门名称查找' onInput={(e) => setSearch(e.detail.value)} />
        <View className='chips'>
          {agencyChoices(agencies, draft.agencyIds, search).map((agency) => (
            <Chip
              key={agency.id}
              className='agency-choice'
              data-agency-id={agency.id}
              on={draft.agencyIds.includes(agency.id)}
              onClick={() => onDraft({ ...draft, agencyIds: toggleId(draft.agencyIds, agency.id) })}
            >
              {agency.name}
            </Chip>
          ))}
        </View>
        {error(errors.agencyIds)}
      </View>
      {draft.id && (
        <View className='chips'>
          <Text className='chips__label'>状态</Text>
          <Chip id='scenario-active' on={draft.active} onClick={() => onDraft({ ...draft, active: !draft.active })}>
            {draft.active ? '启用中（点击停用）' : '已停用（点击启用）'}
          </Chip>
        </View>
      )}
      <FormActions ids={{ error: 'scenario-error', save: 'scenario-save', cancel: 'scenario-cancel' }} failure={failure} busy={busy} label='保存' busyLabel='正在保存…' onSave={onSave} onCancel={onCancel} />
    </View>
  );
}
