/**
 * The statistics the rules use, defined once. Quartiles are computed here over one agency's officers
 * (`rules/officer-workload-outlier.ts`); medians in SQL over window-numbered rows
 * (`rules/same-case-different-penalty.ts`), which the tests hold to these definitions.
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

/**
 * SQL for twice the median per group (an integer for integer values), given each row's 1-based rank
 * `rank` (by value) and the group's size `size`: an aggregate in a GROUP BY over the group, or a
 * window function with `over` (`OVER (PARTITION BY …)`). Each SUM adds the one value at its rank:
 * MariaDB recomputes a MAX over a whole partition for every row, a SUM it carries along.
 */
export function twiceMedianSql(value: string, rank: string, size: string, over?: string): string {
  const window = over ? ` ${over}` : '';
  return `(SUM(CASE WHEN ${rank} = (${size} + 1) DIV 2 THEN ${value} END)${window} + SUM(CASE WHEN ${rank} = ${size} DIV 2 + 1 THEN ${value} END)${window})`;
}
