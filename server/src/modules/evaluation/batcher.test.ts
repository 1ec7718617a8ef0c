import { Batcher } from './batcher.js';

describe('Batcher (group commit)', () => {
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
    await new Promise((resolve) => setImmediate(resolve));
    const later = [3, 4, 5, 6].map((n) => batcher.submit(n));
    release();
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(runs).toEqual([[1, 2], [3, 4, 5], [6]]);
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
