/**
 * The statistics the rules use, defined once. The rules compute them in SQL over window-numbered
 * rows (see `rules/officer-workload-outlier.ts`, `rules/same-case-different-penalty.ts`); the
 * tests hold that SQL to these definitions.
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
 * SQL for a linear-interpolation quantile per group, given each row's 1-based rank `rank` (by
 * value) and the group's size `size`; to be used in a GROUP BY over the group with `size` grouped.
 */
export function quantileSql(value: string, rank: string, size: string, q: number): string {
  const position = `((${size} - 1) * ${q})`;
  const lower = `MAX(CASE WHEN ${rank} = FLOOR(${position}) + 1 THEN ${value} END)`;
  const upper = `MAX(CASE WHEN ${rank} = CEIL(${position}) + 1 THEN ${value} END)`;
  return `(${lower} + (${upper} - ${lower}) * (${position} - FLOOR(${position})))`;
}

/** SQL for twice the median per group (an integer for integer values), ranks and size as in quantileSql. */
export function twiceMedianSql(value: string, rank: string, size: string): string {
  return `(MAX(CASE WHEN ${rank} = (${size} + 1) DIV 2 THEN ${value} END) + MAX(CASE WHEN ${rank} = ${size} DIV 2 + 1 THEN ${value} END))`;
}
