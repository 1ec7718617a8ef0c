import { Text, View } from '@tarojs/components';
import { cx } from './class-names';
import './radio-chips.css';

interface RadioChipsProps<T extends string> {
  id: string;
  options: readonly { value: T; label: string }[];
  value: T;
  /** Each chip's id is `<idPrefix>-<value>`. */
  idPrefix: string;
  /** The page's class for each chip (its size); the chosen one also gets `<chipClassName>--on`. */
  chipClassName: string;
  className?: string;
  onChange: (value: T) => void;
}

/** One choice out of a few, as a wrap of boxes; the chosen one filled in the brand colour. */
export function RadioChips<T extends string>({ id, options, value, idPrefix, chipClassName, className, onChange }: RadioChipsProps<T>) {
  return (
    <View id={id} className={cx('radio-chips', className)} role='radiogroup'>
      {options.map((option) => {
        const on = option.value === value;
        return (
          <View
            key={option.value}
            id={`${idPrefix}-${option.value}`}
            className={cx('radio-chip', chipClassName, on && 'radio-chip--on', on && `${chipClassName}--on`)}
            role='radio'
            aria-checked={on}
            onClick={() => onChange(option.value)}
          >
            <Text>{option.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
