import { Input, Text, View } from '@tarojs/components';
import { EVIDENCE_KINDS, type EvidenceKind, type OffsiteAsk } from '@mashang/shared';
import { RadioChips } from '../../components/radio-chips';
import { ASK_MAX, kindLabel } from '../../logic/offsite';

const KIND_OPTIONS = EVIDENCE_KINDS.map((value) => ({ value, label: kindLabel(value) }));

/** What to ask for each item: the kind of evidence and what exactly (`.offsite-draft[data-position]`). */
export function AskForm({ asks, onChange }: { asks: (OffsiteAsk & { itemName: string })[]; onChange: (asks: (OffsiteAsk & { itemName: string })[]) => void }) {
  const edit = (index: number, patch: Partial<OffsiteAsk>) => onChange(asks.map((ask, i) => (i === index ? { ...ask, ...patch } : ask)));
  return (
    <View className='offsite-drafts'>
      {asks.map((ask, index) => (
        <View key={`${ask.itemId}-${index}`} className='offsite-draft' data-position={String(index)}>
          <Text className='offsite-draft__item'>{ask.itemName}</Text>
          <RadioChips
            id={`offsite-kind-${index}`}
            options={KIND_OPTIONS}
            value={ask.kind}
            idPrefix={`offsite-kind-${index}`}
            chipClassName='offsite-kind'
            onChange={(kind: EvidenceKind) => edit(index, { kind })}
          />
          <Input
            id={`offsite-ask-${index}`}
            className='field__input'
            value={ask.ask}
            placeholder='要企业提交什么，如 冷库温度记录表（近7天）'
            maxlength={ASK_MAX}
            onInput={(event) => edit(index, { ask: event.detail.value })}
          />
        </View>
      ))}
    </View>
  );
}
