import { isDatabaseUnavailable } from '../database/unavailable.js';
import { isRedisUnavailable } from '../redis/unavailable.js';

/** What a request needed and could not reach. */
export type Dependency = 'database' | 'redis';

/** How long a client is told to wait before trying again: about a database or Redis restart. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A request that cannot be served until the database or Redis is back: 503 with `Retry-After`. Not a
 * DomainError on purpose: the offline sync reports domain errors per action as refusals, while this
 * one must fail the whole request so the phone keeps its queue and tries again.
 */
export class ServiceUnavailableError extends Error {
  constructor(readonly dependency: Dependency, readonly retryAfterSeconds = RETRY_AFTER_SECONDS, options?: { cause?: unknown }) {
    super(`${dependency} unavailable`, options);
  }
}

/** The dependency whose outage `error` reports, or null for any other error. */
export function unavailableDependency(error: unknown): Dependency | null {
  if (error instanceof ServiceUnavailableError) return error.dependency;
  if (isDatabaseUnavailable(error)) return 'database';
  if (isRedisUnavailable(error)) return 'redis';
  return null;
}

/** `work`, or `onTimeout()`'s error once `ms` have passed without an answer (the work itself is not stopped). */
export function within<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
