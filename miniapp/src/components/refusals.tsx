import { Text, View } from '@tarojs/components';
import type { RuleRefusal } from '@mashang/shared';
import { Tag } from './tag';
import './refusals.css';

interface RefusalsProps {
  id: string;
  title: string;
  refusals: RuleRefusal[];
  /** A short Chinese name for a rule id, shown as a tag; no tag when absent. */
  label?: (rule: string) => string;
}

/** The rules the server refused on (422 RULE_REFUSED), each with what would satisfy it; nothing when none. */
export function Refusals({ id, title, refusals, label }: RefusalsProps) {
  if (!refusals.length) return null;
  return (
    <View id={id} className='refusals'>
      <Text className='refusals__title'>{title}</Text>
      {refusals.map((refusal) => (
        <View key={refusal.rule + refusal.message} className='refusal' data-rule={refusal.rule}>
          {label && (
            <Tag tone='danger' className='refusal__rule'>
              {label(refusal.rule)}
            </Tag>
          )}
          <Text className='refusal__message'>{refusal.message}</Text>
          <Text className='refusal__remedy'>怎么办：{refusal.remedy}</Text>
        </View>
      ))}
    </View>
  );
}
