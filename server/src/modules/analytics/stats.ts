/**
 * The statistics the rules use, defined once: quartiles over one agency's officers
 * (`rules/officer-workload-outlier.ts`), medians over a group of cases' fines
 * (`rules/same-case-different-penalty.ts`).
 */

/** Quantile by linear interpolation between closest ranks (numpy's default, "type 7"), of ascending values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) throw new RangeError('quantile of no values');
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Median of ascending values; of an even count, the mean of the two middle values. */
export function median(sorted: readonly number[]): number {
  if (!sorted.length) throw new RangeError('median of no values');
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
