import { jest } from '@jest/globals';
import type { OfflineAction, SyncOutcome } from '@mashang/shared';
import { ApiError, networkError } from './api-error';
import {
  CLIENT_KEY_SHAPE,
  SYNC_BATCH_MAX,
  createOfflineQueue,
  newClientKey,
  submitAction,
  type OfflineQueue,
} from './offline-queue';
import type { KeyValueStorage } from './session';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}

let counter = 0;
const finding = (itemId: string): OfflineAction => {
  const clientKey = `finding-${String(++counter).padStart(4, '0')}`;
  return { type: 'finding', clientKey, planId: 'P1', body: { itemId, outcome: 'pass', clientKey, at: '2026-11-22T02:00:00.000Z' } };
};

/** A fake server answer: every action applied unless named otherwise. */
const answer = (statuses: Record<string, SyncOutcome['status']> = {}) =>
  jest.fn(async (actions: OfflineAction[]): Promise<SyncOutcome[]> =>
    actions.map(({ clientKey }) => {
      const status = statuses[clientKey] ?? 'applied';
      return status === 'refused'
        ? { clientKey, status, error: { code: 'CONFLICT', message: '请先扫码入企（登记入企）' } }
        : { clientKey, status };
    }),
  );

describe('newClientKey', () => {
  it('makes keys the server accepts, different each time', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const key = newClientKey('finding');
      expect(key).toMatch(CLIENT_KEY_SHAPE);
      keys.add(key);
    }
    expect(keys.size).toBe(500);
    expect(newClientKey('检查 in!', 0, () => 0)).toMatch(CLIENT_KEY_SHAPE);
    expect(newClientKey('check-in', 0, () => 0)).toBe('checkin-0-000000000000');
  });
});

describe('the offline queue', () => {
  let storage: ReturnType<typeof memoryStorage>;
  let queue: OfflineQueue;
  beforeEach(() => {
    storage = memoryStorage();
    queue = createOfflineQueue(storage, 'queue:officer1');
  });

  it('keeps actions in storage in the order they were made, once per key', () => {
    const [a, b] = [finding('I1'), finding('I2')];
    queue.add(a, '检查结果 一');
    queue.add(b, '检查结果 二');
    queue.add(a, '检查结果 一');
    const reopened = createOfflineQueue(storage, 'queue:officer1');
    expect(reopened.list().map((entry) => entry.action.clientKey)).toEqual([a.clientKey, b.clientKey]);
    expect(createOfflineQueue(storage, 'queue:officer2').list()).toEqual([]);
  });

  it('refuses a key the server would reject', () => {
    const bad = { ...finding('I1'), clientKey: 'short' };
    expect(() => queue.add(bad, 'x')).toThrow();
  });

  it('sends in order; applied and duplicate leave, refused stays with its message and is not sent again', async () => {
    const [a, b, c] = [finding('I1'), finding('I2'), finding('I3')];
    [a, b, c].forEach((action) => queue.add(action, action.clientKey));
    const send = answer({ [b.clientKey]: 'refused', [c.clientKey]: 'duplicate' });
    const report = await queue.flush(send);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0].map((action) => action.clientKey)).toEqual([a.clientKey, b.clientKey, c.clientKey]);
    expect(report).toEqual({ applied: 1, duplicate: 1, refused: 1 });
    expect(queue.list()).toEqual([
      { action: b, label: b.clientKey, refused: { code: 'CONFLICT', message: '请先扫码入企（登记入企）' } },
    ]);
    expect(queue.pending()).toEqual([]);

    const again = answer();
    await queue.flush(again);
    expect(again).not.toHaveBeenCalled();
    queue.discard(b.clientKey);
    expect(queue.list()).toEqual([]);
    expect(storage.data.size).toBe(0);
  });

  it('keeps everything when the network fails, and replays the same keys later', async () => {
    const [a, b] = [finding('I1'), finding('I2')];
    queue.add(a, 'a');
    queue.add(b, 'b');
    const failing = jest.fn(async () => {
      throw networkError();
    });
    const report = await queue.flush(failing);
    expect(report.error).toBeInstanceOf(ApiError);
    expect(queue.pending().map((entry) => entry.action)).toEqual([a, b]);

    const send = answer({ [a.clientKey]: 'duplicate' });
    await queue.flush(send);
    expect(send.mock.calls[0][0]).toEqual([a, b]);
    expect(queue.list()).toEqual([]);
  });

  it('sends at most SYNC_BATCH_MAX per request, batch after batch', async () => {
    const actions = Array.from({ length: SYNC_BATCH_MAX * 2 + 5 }, (_, i) => finding(`I${i}`));
    actions.forEach((action) => queue.add(action, 'x'));
    const send = answer();
    const report = await queue.flush(send);
    expect(send.mock.calls.map((call) => call[0].length)).toEqual([SYNC_BATCH_MAX, SYNC_BATCH_MAX, 5]);
    expect(send.mock.calls[1][0][0]).toEqual(actions[SYNC_BATCH_MAX]);
    expect(report.applied).toBe(actions.length);
    expect(queue.list()).toEqual([]);
  });

  it('keeps an action added while a batch is on its way, and one the server did not answer', async () => {
    const [a, b, late] = [finding('I1'), finding('I2'), finding('I3')];
    queue.add(a, 'a');
    queue.add(b, 'b');
    const send = jest.fn(async (actions: OfflineAction[]): Promise<SyncOutcome[]> => {
      if (actions.some((action) => action.clientKey === late.clientKey)) return [];
      queue.add(late, 'late');
      return [{ clientKey: a.clientKey, status: 'applied' }];
    });
    await queue.flush(send);
    // b had no answer: it stays, and is not retried in a loop within one flush.
    expect(queue.pending().map((entry) => entry.action)).toEqual([b, late]);
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('submitAction', () => {
  let queue: OfflineQueue;
  beforeEach(() => {
    queue = createOfflineQueue(memoryStorage(), 'q');
  });

  it('sends at once when online with nothing waiting', async () => {
    const action = finding('I1');
    const direct = jest.fn(async () => 'view');
    expect(await submitAction(queue, { action, label: 'x' }, { online: true, direct })).toEqual({ queued: false, result: 'view' });
    expect(direct).toHaveBeenCalledWith(action);
    expect(queue.list()).toEqual([]);
  });

  it('queues without trying when offline, and behind earlier actions still waiting', async () => {
    const direct = jest.fn(async () => 'view');
    const first = finding('I1');
    expect(await submitAction(queue, { action: first, label: 'x' }, { online: false, direct })).toEqual({ queued: true });
    const second = finding('I2');
    expect(await submitAction(queue, { action: second, label: 'y' }, { online: true, direct })).toEqual({ queued: true });
    expect(direct).not.toHaveBeenCalled();
    expect(queue.pending().map((entry) => entry.action)).toEqual([first, second]);
  });

  it('queues the same action (same key) when the attempt finds no network', async () => {
    const action = finding('I1');
    const result = await submitAction(queue, { action, label: 'x' }, {
      online: true,
      direct: async () => {
        throw networkError();
      },
    });
    expect(result).toEqual({ queued: true });
    expect(queue.list()[0].action.clientKey).toBe(action.clientKey);
  });

  it('queues it too when the server answers 503 (its database restarting): nothing was recorded', async () => {
    const action = finding('I1');
    const result = await submitAction(queue, { action, label: 'x' }, {
      online: true,
      direct: async () => {
        throw new ApiError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', errorId: 'e-1' });
      },
    });
    expect(result).toEqual({ queued: true });
    expect(queue.list()[0].action.clientKey).toBe(action.clientKey);
  });

  it('leaves a refusal to the caller and queues nothing', async () => {
    const refusal = new ApiError({ status: 422, code: 'RULE_REFUSED', message: '不能入企检查' });
    await expect(
      submitAction(queue, { action: finding('I1'), label: 'x' }, {
        online: true,
        direct: async () => {
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(queue.list()).toEqual([]);
  });
});
