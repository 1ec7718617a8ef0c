/** How the relay paces itself. */
export const RELAY = {
  /** Rows a round takes at most. */
  batch: 500,
  /** How long a round holds its rows: a relay that dies holding them frees them after this. */
  leaseSeconds: 60,
  /** The safety net: how often a relay looks for due rows nobody woke it for (another process died first, a retry came due). */
  pollMs: 5000,
  /** How long a round waits for Bull to take its jobs before giving them back. */
  addTimeoutMs: 5000,
  /** Relayed rows are kept this long (to see what was relayed when), then deleted. */
  keepDays: 7,
  purgeEveryMs: 3_600_000,
  purgeBatch: 5000,
} as const;

/**
 * The wait before the relay tries again after `failures` rounds in a row that could not reach Redis
 * or the database: half a second, doubling, at most 15 s. (Redis coming back wakes it at once.)
 */
export function waitAfterFailures(failures: number): number {
  return Math.min(500 * 2 ** Math.max(0, failures - 1), 15_000);
}

/**
 * When a row whose job Bull refused (Redis up, the job itself rejected) comes due again, by how many
 * times it was claimed: 2 s, doubling, at most 10 minutes, so one bad row cannot keep a relay busy.
 */
export function retryInSeconds(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts), 600);
}
