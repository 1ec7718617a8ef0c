import { Text, View } from '@tarojs/components';
import { cx } from './class-names';
import { Tag } from './tag';
import './choice.css';

interface ChoiceProps {
  /** Rendered as `data-<kind>-id`, the handle browser tests and styles use. */
  kind: 'officer' | 'item' | 'outcome' | 'factor' | 'measure';
  id: string;
  checked: boolean;
  name: string;
  sub: string;
  /** A short warning label beside the name, e.g. 无事不扰. */
  flag?: string;
  onToggle: () => void;
}

/** One row of a multiple choice (officers, items): a checkbox, a name and a detail line. */
export function Choice({ kind, id, checked, name, sub, flag, onToggle }: ChoiceProps) {
  return (
    <View
      className={cx('choice', checked && 'choice--on')}
      {...{ [`data-${kind}-id`]: id }}
      data-checked={checked ? 'true' : 'false'}
      role='checkbox'
      aria-checked={checked}
      onClick={onToggle}
    >
      <Text className='choice__box'>{checked ? '✓' : ''}</Text>
      <View className='choice__body'>
        <View className='choice__title'>
          <Text className='choice__name'>{name}</Text>
          {flag && (
            <Tag tone='warning' soft className='choice__flag'>
              {flag}
            </Tag>
          )}
        </View>
        <Text className='choice__sub'>{sub}</Text>
      </View>
    </View>
  );
}
