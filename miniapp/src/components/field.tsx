import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { cx } from './class-names';
import './field.css';

interface FieldProps {
  label: string;
  /** Shown in red under the input; nothing when empty. */
  error?: string | null;
  errorId?: string;
  className?: string;
}

/**
 * A labelled form field. The input is the children (an Input with class `field__input`, a
 * Textarea with `field__textarea`, a Picker around a `field__input` View), followed by any tips.
 */
export function Field({ label, error, errorId, className, children }: PropsWithChildren<FieldProps>) {
  return (
    <View className={cx('field', className)}>
      <Text className='field__label'>{label}</Text>
      {children}
      {error && (
        <Text id={errorId} className='field__error'>
          {error}
        </Text>
      )}
    </View>
  );
}
