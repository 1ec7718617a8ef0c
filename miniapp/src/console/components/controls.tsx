/* The console's small controls (styles in console.css): text buttons, filter chips and a form's last row. */
import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { cx } from '../../components/class-names';

interface ConsoleButtonProps {
  id?: string;
  primary?: boolean;
  /** Greyed out and not tappable, e.g. while an export runs. */
  disabled?: boolean;
  className?: string;
  onClick: () => void;
}

export function ConsoleButton({ id, primary, disabled, className, onClick, children }: PropsWithChildren<ConsoleButtonProps>) {
  return (
    <Text id={id} className={cx('btn', primary && 'btn--primary', disabled && 'btn--disabled', className)} onClick={onClick}>
      {children}
    </Text>
  );
}

interface ChipProps {
  id?: string;
  on: boolean;
  className?: string;
  onClick?: () => void;
  /** Handles for tests, e.g. `data-rule`. */
  [data: `data-${string}`]: string;
}

/** One filter value; the chosen one filled. */
export function Chip({ id, on, className, onClick, children, ...data }: PropsWithChildren<ChipProps>) {
  return (
    <Text id={id} className={cx('chip', on && 'chip--on', className)} onClick={onClick} {...data}>
      {children}
    </Text>
  );
}

interface FormActionsProps {
  /** Ids for browser tests: the failure's, the save button's and the cancel button's. */
  ids: { error: string; save: string; cancel: string };
  failure: string;
  busy: boolean;
  label: string;
  busyLabel: string;
  className?: string;
  onSave: () => void;
  onCancel: () => void;
}

/** A console form's last row: what went wrong, if anything, then save (greyed while it runs) and cancel. */
export function FormActions({ ids, failure, busy, label, busyLabel, className = 'chips', onSave, onCancel }: FormActionsProps) {
  return (
    <>
      {failure && (
        <Text id={ids.error} className='console__error'>
          {failure}
        </Text>
      )}
      <View className={className}>
        <ConsoleButton id={ids.save} primary disabled={busy} onClick={onSave}>
          {busy ? busyLabel : label}
        </ConsoleButton>
        <ConsoleButton id={ids.cancel} onClick={onCancel}>
          取消
        </ConsoleButton>
      </View>
    </>
  );
}
