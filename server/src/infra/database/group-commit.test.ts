import { GroupCommit } from './group-commit.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes the first item at once and gathers the ones that arrive meanwhile into one batch', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const group = new GroupCommit<number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map(() => null);
    }, 100, 1);
    const first = group.submit(1);
    await tick();
    const rest = [2, 3, 4].map((n) => group.submit(n));
    await tick();
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('fails only the items whose outcome is an error, and every item of a batch that throws', async () => {
    const group = new GroupCommit<number>(async (items) => {
      if (items.includes(99)) throw new Error('down');
      return items.map((n) => (n % 2 ? new Error(`odd ${n}`) : null));
    }, 100, 1);
    const results = await Promise.allSettled([group.submit(1), group.submit(2), group.submit(3)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    await expect(group.submit(99)).rejects.toThrow('down');
  });

  it('never puts more than maxBatch items in one batch', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
      await tick();
      return items.map(() => null);
    }, 3, 1);
    await Promise.all(Array.from({ length: 10 }, (_, i) => group.submit(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
  });
});
