import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { cx } from './class-names';
import './card.css';

interface CardProps {
  id?: string;
  title?: string;
  className?: string;
  /** Handles for tests and styles, e.g. `data-agency-id`. */
  [data: `data-${string}`]: string;
}

/** A white block on the grey page, with an optional title; cards stack 12px apart. */
export function Card({ id, title, className, children, ...data }: PropsWithChildren<CardProps>) {
  return (
    <View id={id} className={cx('card', className)} {...data}>
      {title && <Text className='card__title'>{title}</Text>}
      {children}
    </View>
  );
}
