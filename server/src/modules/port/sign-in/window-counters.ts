import type { Redis } from 'ioredis';
import { limitDecision, type LimitDecision, type WindowLimit } from './code-limits.js';

/**
 * Counts one more of something against window limits in Redis (shared by every server process), or
 * answers the refusal that keeps it waiting longest. `keys` name each limit's counter, in the limits'
 * order; a counter expires with its window. Refused attempts are not counted.
 */
export async function countInWindows<L extends WindowLimit>(redis: Redis, limits: readonly L[], keys: string[]): Promise<LimitDecision<L>> {
  const read = redis.multi();
  for (const key of keys) read.get(key).pttl(key);
  const answers = ((await read.exec()) ?? []).map(([, value]) => value);
  const counts = keys.map((_, i) => ({ count: Number(answers[2 * i] ?? 0), msLeft: Number(answers[2 * i + 1] ?? -2) }));
  const decision = limitDecision(limits, counts);
  if (!decision.ok) return decision;
  const write = redis.multi();
  limits.forEach((limit, i) => write.incr(keys[i]).expire(keys[i], limit.seconds, 'NX'));
  await write.exec();
  return decision;
}
