import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import type { Tone } from '../logic/tones';
import { cx } from './class-names';
import './notice.css';

interface NoticeProps {
  tone: Extract<Tone, 'primary' | 'success' | 'warning' | 'danger'>;
  id?: string;
  className?: string;
}

/** A message in a tinted box (an error, a warning, a confirmation, a hint); several lines stack. */
export function Notice({ tone, id, className, children }: PropsWithChildren<NoticeProps>) {
  return (
    <View id={id} className={cx('notice', `notice--${tone}`, className)}>
      {children}
    </View>
  );
}
