import { Text, View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import { cx } from '../../components/class-names';

interface PanelProps {
  id?: string;
  /** With a title (and an action at its right end) the panel opens with a head row. */
  title?: string;
  action?: ReactNode;
  className?: string;
}

/** A white block of the console (styles in console.css). */
export function Panel({ id, title, action, className, children }: PropsWithChildren<PanelProps>) {
  return (
    <View id={id} className={cx('panel', className)}>
      {title && (
        <View className='panel__head'>
          <Text className='panel__title'>{title}</Text>
          {action}
        </View>
      )}
      {children}
    </View>
  );
}
