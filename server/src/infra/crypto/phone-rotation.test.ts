import { PhoneCipher } from './phone-cipher.js';
import { singlePhoneKey } from './phone-keys.js';
import { rotatePhones, type RewrittenPhone, type RotationProgress, type StoredPhoneColumn } from './phone-rotation.js';

const OLD = Buffer.alloc(32, 1);
const NEW = Buffer.alloc(32, 2);
const before = new PhoneCipher(singlePhoneKey(OLD));
const after = new PhoneCipher({ current: 2, keys: new Map([[2, NEW], [1, OLD]]), indexKey: singlePhoneKey(OLD).indexKey });
const lost = new PhoneCipher({ current: 7, keys: new Map([[7, Buffer.alloc(32, 9)]]), indexKey: NEW });

/** A table in memory, answering like PhoneColumn: stale rows in key order, compare-and-set rewrites. */
function table(name: string, phones: Record<string, string>, options: { editMeanwhile?: string } = {}) {
  const rows = new Map(Object.entries(phones));
  const indexes = new Map<string, string>();
  const batches: RewrittenPhone[][] = [];
  const isStale = (prefix: string, key: string) => !rows.get(key)!.startsWith(prefix) || !indexes.has(key);
  const column: StoredPhoneColumn = {
    table: name,
    countStale: async (prefix) => [...rows.keys()].filter((k) => isStale(prefix, k)).length,
    stale: async (prefix, afterKey, limit) =>
      [...rows.keys()].sort().filter((k) => (afterKey === null || k > afterKey) && isStale(prefix, k)).slice(0, limit).map((key) => ({ key, cipher: rows.get(key)! })),
    rewrite: async (batch) => {
      batches.push(batch);
      if (options.editMeanwhile) rows.set(options.editMeanwhile, after.encrypt('13900000000')!);
      let changed = 0;
      for (const r of batch) {
        if (rows.get(r.key) !== r.from) continue;
        rows.set(r.key, r.to);
        indexes.set(r.key, r.index);
        changed += 1;
      }
      return changed;
    },
  };
  return { column, rows, indexes, batches };
}

describe('rotating the phone key', () => {
  it('rewrites every phone under the current key in batches, with its blind index, and reports progress', async () => {
    const enterprises = table('enterprises', { E1: before.encrypt('13800000001')!, E2: before.encrypt('13800000002')!, E3: before.encrypt('13800000003')! });
    const officers = table('officers', { O1: before.encrypt('13700000001')! });
    const progress: RotationProgress[] = [];
    const result = await rotatePhones(after, [enterprises.column, officers.column], { batchSize: 2, onProgress: (p) => progress.push({ ...p }) });

    expect(result).toMatchObject({ rewritten: 4, unreadable: 0 });
    expect(enterprises.batches.map((b) => b.map((r) => r.key))).toEqual([['E1', 'E2'], ['E3']]);
    for (const [key, phone] of [['E1', '13800000001'], ['E3', '13800000003']]) {
      expect(enterprises.rows.get(key)).toMatch(/^v2\./);
      expect(after.decrypt(enterprises.rows.get(key))).toBe(phone);
      expect(enterprises.indexes.get(key)).toBe(after.index(phone));
    }
    expect(progress.map((p) => [p.table, p.done, p.total])).toEqual([['enterprises', 0, 3], ['enterprises', 2, 3], ['enterprises', 3, 3], ['officers', 0, 1], ['officers', 1, 1]]);

    // Run again (as after an interruption): nothing is left to do.
    const again = await rotatePhones(after, [enterprises.column, officers.column]);
    expect(again.byTable.map((t) => [t.table, t.total, t.rewritten])).toEqual([['enterprises', 0, 0], ['officers', 0, 0]]);
  });

  it('keeps a phone edited while the batch was read, and leaves phones of an unconfigured key as they are', async () => {
    const edited = table('officers', { O1: before.encrypt('13700000001')!, O2: before.encrypt('13700000002')! }, { editMeanwhile: 'O2' });
    const result = await rotatePhones(after, [edited.column]);
    expect(result.rewritten).toBe(1);
    expect(after.decrypt(edited.rows.get('O2'))).toBe('13900000000');

    const orphan = lost.encrypt('13600000000')!;
    const mixed = table('enterprises', { E1: orphan, E2: before.encrypt('13800000002')! });
    const partial = await rotatePhones(after, [mixed.column]);
    expect(partial).toMatchObject({ rewritten: 1, unreadable: 1 });
    expect(mixed.rows.get('E1')).toBe(orphan);
  });
});
