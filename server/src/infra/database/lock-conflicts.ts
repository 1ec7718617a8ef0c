/** What a failed statement carries from mysql2: the symbolic code, the server's number and its message. */
interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
}

/**
 * A transaction the database rolled back whole, so running it again is safe:
 * - a deadlock victim, or one that waited too long for a lock (MySQL, MariaDB, TiDB);
 * - on Galera, a transaction that lost certification at commit to a write set of another node, or
 *   was aborted by one being applied: MariaDB reports both as ER_LOCK_DEADLOCK (1213), the same
 *   "try restarting transaction";
 * - on Galera, a statement refused before it ran because the node is not in sync yet
 *   ("WSREP has not yet prepared node for application use", 1047).
 */
export function isLockConflict(error: unknown): boolean {
  const e = (error ?? {}) as DriverError;
  if (e.code === 'ER_LOCK_DEADLOCK' || e.code === 'ER_LOCK_WAIT_TIMEOUT' || e.errno === 1213 || e.errno === 1205) return true;
  return e.errno === 1047 && /WSREP/i.test(e.message ?? '');
}

/** Attempts of a transaction that keeps losing lock conflicts before its error is let through. */
export const LOCK_CONFLICT_ATTEMPTS = 5;

/**
 * A short, random pause before running a rolled-back transaction again, longer after each attempt:
 * two writers that just deadlocked would otherwise meet again at once.
 */
export function pauseBeforeRetry(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
}

/** Runs a transaction, and runs it again (after a pause) while it is rolled back by a lock conflict. */
export async function retryOnLockConflict<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isLockConflict(error) || attempt >= LOCK_CONFLICT_ATTEMPTS) throw error;
      await pauseBeforeRetry(attempt);
    }
  }
}
