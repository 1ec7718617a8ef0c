import { entryHash, firstBreak, GENESIS_HASH, type StoredEntry } from './trail-chain.js';

function chain(n: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const fields = { inspectionId: 'P1', seq, kind: seq === 1 ? 'filed' : 'finding', actor: 'user:1:officer1', detail: JSON.stringify({ n: seq }), at: new Date(Date.UTC(2026, 10, 21, 1, seq)) };
    const hash = entryHash(prev, fields);
    entries.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

describe('trail hash chain', () => {
  it('accepts an untouched chain, including the empty one', () => {
    expect(firstBreak(chain(5))).toBeNull();
    expect(firstBreak([])).toBeNull();
  });

  it('names the edited entry, whichever field changed', () => {
    for (const edit of [
      (e: StoredEntry) => ({ ...e, detail: '{"n":99}' }),
      (e: StoredEntry) => ({ ...e, actor: 'user:2:someone' }),
      (e: StoredEntry) => ({ ...e, kind: 'pass' }),
      (e: StoredEntry) => ({ ...e, at: new Date(e.at.getTime() + 1) }),
    ]) {
      const entries = chain(5);
      entries[2] = edit(entries[2]);
      expect(firstBreak(entries)).toEqual({ seq: 3, reason: 'hash-mismatch' });
    }
  });

  it('names a deleted entry as a gap, and a recomputed forgery by its broken back-link', () => {
    const entries = chain(5);
    expect(firstBreak([...entries.slice(0, 2), ...entries.slice(3)])).toEqual({ seq: 3, reason: 'sequence-gap' });
    // Rewriting an entry and its own hash still leaves the next entry pointing at the old hash.
    const forged = chain(5);
    forged[1] = { ...forged[1], detail: '{"n":42}' };
    forged[1].hash = entryHash(forged[1].prevHash, forged[1]);
    expect(firstBreak(forged)).toEqual({ seq: 3, reason: 'prev-hash-mismatch' });
  });
});
