/**
 * For boolean props of Taro components such as `disabled` and `loading`. On H5 a `false` value
 * becomes the attribute `disabled="false"`, which the components' own `[disabled]` and
 * `[loading]` CSS still matches (a primary button then looks greyed out); undefined leaves the
 * attribute off.
 */
export function flag(on: boolean): true | undefined {
  return on || undefined;
}
