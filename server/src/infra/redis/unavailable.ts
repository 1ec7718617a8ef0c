/**
 * ioredis's errors when Redis is out of reach: a command refused while disconnected (no offline
 * queue), given up after its retries, cut off by the connection closing, or not answered in time.
 */
const UNAVAILABLE = /^(Stream isn't writeable|Connection is closed|Command timed out|Reached the max retries per request limit)/;

export function isRedisUnavailable(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  return typeof e.message === 'string' && UNAVAILABLE.test(e.message);
}
