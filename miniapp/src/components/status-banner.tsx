import { Text, View } from '@tarojs/components';
import type { Tone } from '../logic/tones';
import { cx } from './class-names';
import './status-banner.css';

interface StatusBannerProps {
  tone: Extract<Tone, 'neutral' | 'primary' | 'success' | 'danger'>;
  title: string;
  subtitle?: string;
  /** A large sign above the title: ✓, ✕. */
  icon?: string;
  id?: string;
  titleId?: string;
  className?: string;
}

/** The enterprise pages' verdict at the top, in large type: checked, failed, waiting. */
export function StatusBanner({ tone, title, subtitle, icon, id, titleId, className }: StatusBannerProps) {
  return (
    <View id={id} className={cx('status-banner', `status-banner--${tone}`, className)}>
      {icon && <Text className='status-banner__icon'>{icon}</Text>}
      <Text id={titleId} className='status-banner__title'>
        {title}
      </Text>
      {subtitle && <Text className='status-banner__subtitle'>{subtitle}</Text>}
    </View>
  );
}
