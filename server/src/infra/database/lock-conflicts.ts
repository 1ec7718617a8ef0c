/**
 * A transaction the database chose as a deadlock victim or that waited too long for a lock: it was
 * rolled back whole, so running it again is safe.
 */
export function isLockConflict(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
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
