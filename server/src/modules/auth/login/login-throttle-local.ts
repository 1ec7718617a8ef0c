import type { LocalCounters } from '../../../infra/redis/local-counters.js';

/** A subject's window (seconds) and the wait (ms) after each attempt count, as the Redis script takes them. */
export interface ThrottleSubject {
  window: number;
  waits: number[];
}

/**
 * The login throttle's BEGIN script (login-throttle.ts), statement for statement, on counters kept in
 * this process: what a process counts while Redis is out of reach. Same keys, same answer:
 * [let through, account count, address count, refusing subject, ms left].
 */
export function beginLocally(store: LocalCounters, keys: string[], subjects: ThrottleSubject[]): number[] {
  const last = subjects.length;
  const counter = (i: number) => keys[2 * i - 2];
  const wait = (i: number) => keys[2 * i - 1];
  const first = store.pttl(wait(last)) > 0 ? last : 1;
  const counts: number[] = [];
  const left: number[] = [];
  let refused = false;
  for (let i = first; i <= last; i += 1) {
    counts[i] = store.incr(counter(i));
    store.expire(counter(i), subjects[i - 1].window);
    left[i] = store.pttl(wait(i));
    if (left[i] > 0) refused = true;
  }
  for (let i = first; i <= last; i += 1) {
    const { waits } = subjects[i - 1];
    const ms = waits[Math.min(counts[i], waits.length) - 1];
    if (ms > 0 && (!refused || counts[i] === waits.length)) {
      store.set(wait(i), counts[i], ms);
      left[i] = ms;
    }
  }
  if (!refused) return [1, counts[1], counts[2], 0, 0];
  let by = last;
  for (let i = first; i <= last; i += 1) if (left[i] > left[by]) by = i;
  return [0, counts[1] ?? 0, counts[2], by, left[by]];
}

/** The SUCCEEDED script on the same counters: the account starts afresh, the address forgets the attempt. */
export function succeededLocally(store: LocalCounters, keys: string[], addressAttempts: number): void {
  store.del(keys[0], keys[1]);
  if (store.get(keys[3]) === addressAttempts) store.del(keys[3]);
  if ((store.get(keys[2]) ?? 0) > 0) store.decr(keys[2]);
}

/** The WITHDRAWN script on the same counters: the attempt taken back from both subjects, with any wait it set. */
export function withdrawnLocally(store: LocalCounters, keys: string[], accountAttempts: number, addressAttempts: number): void {
  [accountAttempts, addressAttempts].forEach((count, i) => {
    if (store.get(keys[1 + 2 * i]) === count) store.del(keys[1 + 2 * i]);
    if ((store.get(keys[2 * i]) ?? 0) > 0) store.decr(keys[2 * i]);
  });
}
