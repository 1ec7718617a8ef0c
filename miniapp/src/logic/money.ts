/**
 * Fines: people type and read yuan (元), the API speaks fen (分). The conversion works on the digits
 * themselves, so 0.29 元 is 29 分 and never 28.999….
 */

/** The most a fine may be (ten million yuan), as the server refuses anything above it. */
export const MAX_FINE_FEN = 1_000_000_000;

/**
 * Fen from what was typed in yuan: digits with at most two decimals, thousands commas and spaces
 * ignored, a trailing 元 allowed. Null when it is not such an amount (empty, negative, three
 * decimals, letters) or exceeds the largest fine.
 */
export function yuanToFen(text: string): number | null {
  const cleaned = text.replace(/[,，\s]/g, '').replace(/元$/, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FINE_FEN ? fen : null;
}

/** Fen as yuan for an input box: 1500000 → "15000", 1500050 → "15000.5". */
export function fenToYuanInput(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = fen % 100;
  if (!cents) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** Fen as yuan for reading: 1500000 → "15,000 元", 1500050 → "15,000.5 元". */
export function yuanText(fen: number): string {
  const [whole, decimals] = fenToYuanInput(fen).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${decimals ? `.${decimals}` : ''} 元`;
}

/** A fine range: "10,000 元 – 30,000 元". */
export function rangeText(range: { min: number; max: number }): string {
  return `${yuanText(range.min)} – ${yuanText(range.max)}`;
}
