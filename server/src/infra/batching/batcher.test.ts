import { Batcher, ItemFailure } from './batcher.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('runs what arrives together as one batch, and what arrives meanwhile as the next', async () => {
    const runs: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new Batcher<number, number>(async (items) => {
      runs.push(items);
      if (runs.length === 1) await gate;
      return items.map((n) => n * 10);
    }, 3);
    const first = [1, 2].map((n) => batcher.submit(n));
    await tick();
    const later = [3, 4, 5, 6].map((n) => batcher.submit(n));
    release();
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(runs).toEqual([[1, 2], [3, 4, 5], [6]]);
  });

  it('runs up to maxRunning batches at once, never more', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: number[][] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      started.push(items);
      await gate;
      return items;
    }, 2, 3);
    const submits = Array.from({ length: 10 }, (_, i) => batcher.submit(i));
    await tick();
    expect(started).toEqual([[0, 1], [2, 3], [4, 5]]);
    release();
    expect(await Promise.all(submits)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(started.flat()).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('fails only the items whose result is an ItemFailure', async () => {
    const batcher = new Batcher<number>(async (items) => items.map((n) => (n % 2 ? new ItemFailure(new Error(`odd ${n}`)) : undefined)), 100);
    const results = await Promise.allSettled([batcher.submit(1), batcher.submit(2), batcher.submit(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error('odd 1'));
  });

  it('rejects every item of a failed run and carries on with the next', async () => {
    let calls = 0;
    const batcher = new Batcher<string, string>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('database gone');
      return items;
    }, 10);
    const failed = await Promise.allSettled([batcher.submit('a'), batcher.submit('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await batcher.submit('c')).toBe('c');
  });
});
