/**
 * The Taro components the enterprise pages use (View, Text, Button, Input, Textarea), for the
 * enterprise H5 entry, whose build resolves `@tarojs/components` here. They render the elements
 * Taro's H5 components render (`taro-view-core`, `taro-input-core` around its `<input>`, …) with
 * the same attributes and Taro's own stylesheets, so the pages' styles, their look and the browser
 * tests' selectors (`#rate-code input`) stay as under Taro, without Taro's component runtime.
 */
import { createElement, type ReactNode } from 'react';
import '@tarojs/components/dist/collection/components/view/style/index.css';
import '@tarojs/components/dist/collection/components/text/style/index.css';
import '@tarojs/components/dist/collection/components/button/style/index.css';
import '@tarojs/components/dist/collection/components/input/style/index.css';
import '@tarojs/components/dist/collection/components/textarea/style/index.css';

interface Common {
  id?: string;
  className?: string;
  children?: ReactNode;
  onClick?: (event: MouseEvent) => void;
  /** data-* handles for tests and styles. */
  [data: `data-${string}`]: string | number | undefined;
}

/** What Taro's input events carry: `event.detail.value`. */
interface ValueEvent {
  detail: { value: string; cursor?: number };
}

export function View({ className, ...rest }: Common) {
  return createElement('taro-view-core', { class: className, ...rest });
}

export function Text({ className, ...rest }: Common) {
  return createElement('taro-text-core', { class: className, ...rest });
}

interface ButtonProps extends Common {
  size?: 'default' | 'mini';
  type?: 'primary' | 'default' | 'warn';
  loading?: boolean;
  disabled?: boolean;
  plain?: boolean;
}

/** A disabled button takes no taps, as Taro's stops the click. */
export function Button({ className, children, loading, disabled, onClick, ...rest }: ButtonProps) {
  return createElement(
    'taro-button-core',
    { class: className, loading, disabled, onClick: disabled ? undefined : onClick, ...rest },
    loading ? createElement('i', { class: 'weui-loading' }) : null,
    children,
  );
}

interface FieldProps {
  id?: string;
  className?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  disabled?: boolean;
  onInput?: (event: ValueEvent) => void;
}

const valueEvent = (target: EventTarget | null): ValueEvent => {
  const field = target as HTMLInputElement | HTMLTextAreaElement;
  return { detail: { value: field.value, cursor: field.selectionEnd ?? field.value.length } };
};

interface InputProps extends FieldProps {
  type?: 'text' | 'number';
  password?: boolean;
  /** Enter on the keyboard. */
  onConfirm?: (event: ValueEvent) => void;
}

export function Input({ id, className, value, placeholder, maxlength = 140, disabled, type = 'text', password, onInput, onConfirm }: InputProps) {
  return createElement(
    'taro-input-core',
    { id, class: className },
    createElement('input', {
      class: 'weui-input',
      type: password ? 'password' : type,
      value: value ?? '',
      placeholder,
      maxLength: maxlength,
      disabled,
      onInput: (event: Event) => onInput?.(valueEvent(event.target)),
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'Enter' || event.keyCode === 13) onConfirm?.(valueEvent(event.target));
      },
    }),
  );
}

export function Textarea({ id, className, value, placeholder, maxlength = 140, disabled, onInput }: FieldProps) {
  return createElement(
    'taro-textarea-core',
    { id, class: className },
    createElement('textarea', {
      class: 'taro-textarea',
      value: value ?? '',
      placeholder,
      maxLength: maxlength,
      disabled,
      onInput: (event: Event) => onInput?.(valueEvent(event.target)),
    }),
  );
}
