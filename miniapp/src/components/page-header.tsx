import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './page-header.css';

interface PageHeaderProps {
  title: string;
  subtitle: string;
  /** On the title block (not the whole header). */
  id?: string;
}

/**
 * The blue block a page opens with: a title, a line under it and, as children, an action on the
 * right (give its Button the class `page-header__action`).
 */
export function PageHeader({ title, subtitle, id, children }: PropsWithChildren<PageHeaderProps>) {
  return (
    <View className='page-header'>
      <View id={id} className='page-header__text'>
        <Text className='page-header__title'>{title}</Text>
        <Text className='page-header__subtitle'>{subtitle}</Text>
      </View>
      {children}
    </View>
  );
}
