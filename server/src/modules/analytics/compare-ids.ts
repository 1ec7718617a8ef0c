/** Binary order of ids, as the utf8mb4_bin columns sort them. */
export function compareIds(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}
