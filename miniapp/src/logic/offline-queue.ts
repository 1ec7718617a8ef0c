import type { OfflineAction, SyncOutcome } from '@mashang/shared';
import { ApiError, ClientErrorCode } from './api-error';
import type { KeyValueStorage } from './session';

/** The server takes at most this many actions per sync request. */
export const SYNC_BATCH_MAX = 200;
/** What the server accepts as an idempotency key. */
export const CLIENT_KEY_SHAPE = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * A new idempotency key, made once when the officer acts: the direct attempt and every later
 * replay from the queue carry the same one, so the server records the action once.
 */
export function newClientKey(prefix: string, now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  while (tail.length < 12) tail += Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  return `${prefix.replace(/[^A-Za-z0-9]/g, '').slice(0, 8)}-${now.toString(36)}-${tail.slice(0, 12)}`;
}

export interface QueuedAction {
  action: OfflineAction;
  /** What the officer did, in words, for the 待上传 list. */
  label: string;
  /** Set once the server refused it: kept (and no longer sent) until the officer discards it. */
  refused?: { code: string; message: string };
}

export interface FlushReport {
  applied: number;
  duplicate: number;
  refused: number;
  /** Why sending stopped early (no network, or the server failed); the actions are kept. */
  error?: ApiError | unknown;
}

export interface OfflineQueue {
  /** Everything queued, in the order it was done. */
  list(): QueuedAction[];
  /** Actions still to send (refused ones excluded). */
  pending(): QueuedAction[];
  add(action: OfflineAction, label: string): void;
  /** Drops an action, e.g. a refused one the officer has dealt with. */
  discard(clientKey: string): void;
  /**
   * Sends the pending actions in order, in batches of at most SYNC_BATCH_MAX, and applies the
   * answers: applied or duplicate ones leave the queue, refused ones stay with their message.
   */
  flush(send: (actions: OfflineAction[]) => Promise<SyncOutcome[]>): Promise<FlushReport>;
}

function parse(raw: string | null): QueuedAction[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value)
      ? value.filter((entry): entry is QueuedAction => typeof entry?.action?.clientKey === 'string')
      : [];
  } catch {
    return [];
  }
}

/** The queue kept under one storage key (one per officer, so a shared phone never mixes them up). */
export function createOfflineQueue(storage: KeyValueStorage, key: string): OfflineQueue {
  const list = () => parse(storage.get(key));
  const save = (entries: QueuedAction[]) => {
    if (entries.length) storage.set(key, JSON.stringify(entries));
    else storage.remove(key);
  };
  const pending = () => list().filter((entry) => !entry.refused);

  return {
    list,
    pending,
    add(action, label) {
      if (!CLIENT_KEY_SHAPE.test(action.clientKey)) throw new Error(`bad client key ${action.clientKey}`);
      const entries = list();
      // Adding the same action twice (a double tap while offline) keeps one.
      if (entries.some((entry) => entry.action.clientKey === action.clientKey)) return;
      save([...entries, { action, label }]);
    },
    discard(clientKey) {
      save(list().filter((entry) => entry.action.clientKey !== clientKey));
    },
    async flush(send) {
      const report: FlushReport = { applied: 0, duplicate: 0, refused: 0 };
      const tried = new Set<string>();
      for (;;) {
        const batch = pending()
          .filter((entry) => !tried.has(entry.action.clientKey))
          .slice(0, SYNC_BATCH_MAX);
        if (!batch.length) return report;
        batch.forEach((entry) => tried.add(entry.action.clientKey));
        let outcomes: SyncOutcome[];
        try {
          outcomes = await send(batch.map((entry) => entry.action));
        } catch (error) {
          return { ...report, error };
        }
        const byKey = new Map(outcomes.map((outcome) => [outcome.clientKey, outcome]));
        // Re-read: actions added while the batch was on its way must survive.
        const next: QueuedAction[] = [];
        for (const entry of list()) {
          const outcome = byKey.get(entry.action.clientKey);
          if (!outcome || entry.refused) next.push(entry);
          else if (outcome.status === 'refused') {
            report.refused++;
            next.push({ ...entry, refused: outcome.error ?? { code: 'REFUSED', message: '服务器拒绝了该记录' } });
          } else report[outcome.status]++;
        }
        save(next);
      }
    },
  };
}

/** The request never reached the server (or its answer never came back). */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.code === ClientErrorCode.Network;
}

/**
 * Worth trying again later with the same keys: no network, or the server answered 503 (its database
 * restarting; it says when, in Retry-After). Nothing was recorded either way.
 */
export function isTemporaryFailure(error: unknown): boolean {
  return isNetworkFailure(error) || (error instanceof ApiError && error.status === 503);
}

export type Submitted<T> = { queued: true } | { queued: false; result: T };

/**
 * Sends one action now, or queues it: when the phone is known to be offline, when earlier actions
 * still wait (they must reach the server first, in order), or when the attempt fails for want of
 * a network or of the server's database (503). Any other failure (a refusal, a validation error) is the
 * caller's to show.
 */
export async function submitAction<T>(
  queue: OfflineQueue,
  entry: { action: OfflineAction; label: string },
  { online, direct }: { online: boolean; direct: (action: OfflineAction) => Promise<T> },
): Promise<Submitted<T>> {
  if (!online || queue.pending().length) {
    queue.add(entry.action, entry.label);
    return { queued: true };
  }
  try {
    return { queued: false, result: await direct(entry.action) };
  } catch (error) {
    if (!isTemporaryFailure(error)) throw error;
    queue.add(entry.action, entry.label);
    return { queued: true };
  }
}
