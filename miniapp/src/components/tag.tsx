import { Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import type { Tone } from '../logic/tones';
import { cx } from './class-names';
import './tag.css';

interface TagProps {
  tone: Tone;
  /** A pale box with coloured text instead of a filled one. */
  soft?: boolean;
  id?: string;
  className?: string;
}

/** A short label in a coloured box: a status, a grade, a result, a trigger. */
export function Tag({ tone, soft, id, className, children }: PropsWithChildren<TagProps>) {
  return (
    <Text id={id} className={cx('tag', `tag--${tone}`, soft && 'tag--soft', className)}>
      {children}
    </Text>
  );
}
