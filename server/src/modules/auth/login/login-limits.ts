/** How many login attempts a subject (an account, or a client address) gets before it must wait. */
export interface LoginLimit {
  /** Attempts within the window that are judged without any wait. */
  free: number;
  /** The attempt count that locks the subject out; the waits before it double from 2 s. */
  lockAt: number;
  lockSeconds: number;
  /** Attempts are counted until this long after the last one (a success clears an account's count). */
  windowSeconds: number;
}

/**
 * An account: 4 free tries, then 2, 4, 8, 16, 32 s, and locked for 15 minutes at the 10th attempt within
 * the hour. An address (an office's shared line sees several people mistype): 19 free, locked at the 30th
 * within a quarter hour.
 */
export const LOGIN_LIMITS = {
  account: { free: 4, lockAt: 10, lockSeconds: 15 * 60, windowSeconds: 60 * 60 },
  address: { free: 19, lockAt: 30, lockSeconds: 15 * 60, windowSeconds: 15 * 60 },
} satisfies Record<string, LoginLimit>;

/**
 * The wait (ms) that follows the n-th attempt, as a list indexed from the first attempt; its last entry,
 * the lock, follows every attempt from `lockAt` on. Growing delays, then a temporary lock.
 */
export function waitsAfterAttempts(limit: LoginLimit): number[] {
  return Array.from({ length: limit.lockAt }, (_, i) => {
    const attempt = i + 1;
    if (attempt >= limit.lockAt) return limit.lockSeconds * 1000;
    if (attempt <= limit.free) return 0;
    return Math.min(2 ** (attempt - limit.free) * 1000, limit.lockSeconds * 1000);
  });
}

/** '请8秒后再试' / '请15分钟后再试'. */
export function tryAgainIn(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `请${seconds}秒后再试` : `请${Math.ceil(seconds / 60)}分钟后再试`;
}

/** `officer1` → `o******1`: enough for an operator to recognise, not to read off a list of accounts. */
export function maskUsername(username: string): string {
  if (username.length <= 2) return `${username.slice(0, 1)}*`;
  return `${username[0]}${'*'.repeat(username.length - 2)}${username[username.length - 1]}`;
}
