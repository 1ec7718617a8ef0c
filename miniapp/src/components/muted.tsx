import { Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { cx } from './class-names';
import './muted.css';

/** A quiet line: a tip under a title, "正在读取…", an empty list's "暂无…". */
export function Muted({ id, className, children }: PropsWithChildren<{ id?: string; className?: string }>) {
  return (
    <Text id={id} className={cx('muted', className)}>
      {children}
    </Text>
  );
}
