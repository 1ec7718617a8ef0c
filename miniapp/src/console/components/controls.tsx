/* The console's small controls (styles in console.css): text buttons and filter chips. */
import { Text } from '@tarojs/components';
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
