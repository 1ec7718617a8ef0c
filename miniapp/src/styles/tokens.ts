/**
 * The design tokens (styles/tokens.css) needed as literal values: WeChat's window config takes
 * colour strings, not CSS, and ECharts draws on a canvas. Same names as the CSS custom
 * properties without `--color-`; tokens.test.ts checks that the values match.
 */
export const COLORS = {
  primary: '#1f4fd1',
  danger: '#dc2626',
  neutral: '#6b7280',
  page: '#f2f4f7',
} as const;
