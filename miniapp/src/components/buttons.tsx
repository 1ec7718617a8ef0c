import { Button } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { cx } from './class-names';
import { flag } from './flag';
import './buttons.css';

interface PrimaryButtonProps {
  id?: string;
  /** The page's class for size and place; colours come from here. */
  className?: string;
  /** Shows the spinner and takes no taps. */
  busy?: boolean;
  disabled?: boolean;
  size?: 'mini';
  onClick: () => void;
}

/** The page's main action, in the brand colour; grey while busy or disabled. */
export function PrimaryButton({ id, className, busy = false, disabled = false, size, onClick, children }: PropsWithChildren<PrimaryButtonProps>) {
  const off = busy || disabled;
  return (
    <Button id={id} className={cx('primary-button', off && 'primary-button--off', className)} size={size} loading={flag(busy)} disabled={flag(off)} onClick={onClick}>
      {children}
    </Button>
  );
}

/** 重试, under a failure message. */
export function RetryButton({ onClick }: { onClick: () => void }) {
  return (
    <Button className='retry-button' size='mini' onClick={onClick}>
      重试
    </Button>
  );
}

/** 加载更多, under a paged list. */
export function LoadMoreButton({ id, onClick }: { id: string; onClick: () => void }) {
  return (
    <Button id={id} className='load-more' onClick={onClick}>
      加载更多
    </Button>
  );
}
