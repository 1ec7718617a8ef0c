/*
 * The form of one campaign (#campaign-form): #campaign-name, #campaign-summary (textarea),
 * #campaign-industries (textarea: fill '#campaign-industries textarea'), .industry-chip[data-industry]
 * (a click adds the register's industry), #campaign-regions, #campaign-item-search,
 * .item-choice[data-item-id], #campaign-agency-search, .agency-choice[data-agency-id] (a click ticks or
 * unticks), #campaign-from, #campaign-to, .console-field__error per field, #campaign-error,
 * #campaign-save, #campaign-cancel.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { IndustryCount, ItemDto } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { toggleId } from '../../../logic/plan-form';
import { CAMPAIGN_NAME_MAX, CAMPAIGN_SUMMARY_MAX, type CampaignDraft, type CampaignErrors } from '../../logic/campaigns';
import { addIndustry, agencyChoices } from '../../logic/scenarios';
import { searchItems } from '../../services/campaigns-desk';
import { Chip, FormActions } from '../../components/controls';

interface CampaignFormProps {
  draft: CampaignDraft;
  errors: CampaignErrors;
  failure: string;
  busy: boolean;
  agencies: { id: string; name: string }[];
  industries: IndustryCount[];
  /** Names of items already ticked (the search shows the rest). */
  knownItems: ReadonlyMap<string, string>;
  onDraft: (draft: CampaignDraft) => void;
  onSave: () => void;
  onCancel: () => void;
}

const SHOWN_INDUSTRIES = 30;

export function CampaignForm({ draft, errors, failure, busy, agencies, industries, knownItems, onDraft, onSave, onCancel }: CampaignFormProps) {
  const [agencySearch, setAgencySearch] = useState('');
  const [itemSearch, setItemSearch] = useState('');
  const [items, setItems] = useState<ItemDto[]>([]);
  const [itemNames, setItemNames] = useState<Map<string, string>>(new Map(knownItems));
  useEffect(() => {
    let live = true;
    searchItems(itemSearch).then((found) => {
      if (!live) return;
      setItems(found);
      setItemNames((names) => new Map([...names, ...found.map((i) => [i.id, i.name] as [string, string])]));
    }, () => live && setItems([]));
    return () => {
      live = false;
    };
  }, [itemSearch]);
  const error = (text?: string) => text && <Text className='console-field__error'>{text}</Text>;
  const offered = [...draft.itemIds.filter((id) => !items.some((i) => i.id === id)).map((id) => ({ id, name: itemNames.get(id) ?? '（已选事项）' })), ...items];
  return (
    <View id='campaign-form'>
      <Text className='panel__title'>{draft.id ? '修改专项检查' : '拟定专项检查'}</Text>
      <View className='console-field'>
        <Text className='console-field__label'>名称</Text>
        <Input id='campaign-name' className='console-field__input' value={draft.name} maxlength={CAMPAIGN_NAME_MAX} placeholder='如：2026年冬季燃气安全专项检查' onInput={(e) => onDraft({ ...draft, name: e.detail.value })} />
        {error(errors.name)}
      </View>
      <View className='console-field'>
        <Text className='console-field__label'>检查内容和要求（公开）</Text>
        <Textarea id='campaign-summary' className='console-field__textarea' value={draft.summary} maxlength={CAMPAIGN_SUMMARY_MAX} onInput={(e) => onDraft({ ...draft, summary: e.detail.value })} />
        {error(errors.summary)}
      </View>
      <View className='console-field'>
        <Text className='console-field__label'>行业（与企业名录登记的行业一致；不填为不限行业）</Text>
        <Textarea id='campaign-industries' className='console-field__textarea' value={draft.industriesText} maxlength={4000} onInput={(e) => onDraft({ ...draft, industriesText: e.detail.value })} />
        {error(errors.industries)}
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
        <Text className='console-field__label'>区域（行政区划代码或其开头几位，如 4102；不填为全市）</Text>
        <Input id='campaign-regions' className='console-field__input' value={draft.regionsText} maxlength={400} placeholder='如：410204、410205' onInput={(e) => onDraft({ ...draft, regionsText: e.detail.value })} />
        {error(errors.regionPrefixes)}
      </View>
      <View className='console-field'>
        <Text className='console-field__label'>检查事项（已选 {draft.itemIds.length} 项）</Text>
        <Input id='campaign-item-search' className='console-field__input' value={itemSearch} placeholder='按事项名称查找' onInput={(e) => setItemSearch(e.detail.value)} />
        <View className='chips'>
          {offered.map((item) => (
            <Chip key={item.id} className='item-choice' data-item-id={item.id} on={draft.itemIds.includes(item.id)} onClick={() => onDraft({ ...draft, itemIds: toggleId(draft.itemIds, item.id) })}>
              {item.name}
            </Chip>
          ))}
        </View>
        {error(errors.itemIds)}
      </View>
      <View className='console-field'>
        <Text className='console-field__label'>参加的执法部门（已选 {draft.agencyIds.length} 个）</Text>
        <Input id='campaign-agency-search' className='console-field__input' value={agencySearch} placeholder='按部门名称查找' onInput={(e) => setAgencySearch(e.detail.value)} />
        <View className='chips'>
          {agencyChoices(agencies, draft.agencyIds, agencySearch).map((agency) => (
            <Chip key={agency.id} className='agency-choice' data-agency-id={agency.id} on={draft.agencyIds.includes(agency.id)} onClick={() => onDraft({ ...draft, agencyIds: toggleId(draft.agencyIds, agency.id) })}>
              {agency.name}
            </Chip>
          ))}
        </View>
        {error(errors.agencyIds)}
      </View>
      <View className='campaign-period'>
        <View className='console-field'>
          <Text className='console-field__label'>实施期 开始</Text>
          <Input id='campaign-from' className='console-field__input' value={draft.periodFrom} maxlength={10} placeholder='2026-12-15' onInput={(e) => onDraft({ ...draft, periodFrom: e.detail.value })} />
          {error(errors.periodFrom)}
        </View>
        <View className='console-field'>
          <Text className='console-field__label'>实施期 结束</Text>
          <Input id='campaign-to' className='console-field__input' value={draft.periodTo} maxlength={10} placeholder='2027-01-31' onInput={(e) => onDraft({ ...draft, periodTo: e.detail.value })} />
          {error(errors.periodTo)}
        </View>
      </View>
      <FormActions ids={{ error: 'campaign-error', save: 'campaign-save', cancel: 'campaign-cancel' }} failure={failure} busy={busy} label='保存草稿' busyLabel='正在保存…' onSave={onSave} onCancel={onCancel} />
    </View>
  );
}
