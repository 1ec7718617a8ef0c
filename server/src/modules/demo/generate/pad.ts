/** `n` in decimal, zero-padded to `width` digits (ids, certificate numbers). */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
