import { auditHash, AuditChainWalk, GENESIS_HASH, type AuditFields, type StoredAuditEntry } from './audit-chain.js';

const fields = (seq: number, overrides: Partial<AuditFields> = {}): AuditFields => ({
  seq, at: new Date(Date.UTC(2026, 4, 10, 2, 0, seq)), actor: 'user:3:supervisor', action: 'export-unmasked', resource: 'exchange/officers',
  filter: '{}', purpose: '核对执法人员联系电话', rows: 12, address: '10.0.0.8', ...overrides,
});

/** A chain of `n` entries as the repository appends them. */
function chain(n: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry = fields(seq);
    const hash = auditHash(prev, entry);
    entries.push({ ...entry, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

const walk = (pages: StoredAuditEntry[][]) => {
  const w = new AuditChainWalk();
  for (const page of pages) if (!w.feed(page)) break;
  return w.result(pages.flat().length);
};

describe('the audit log hash chain', () => {
  it('covers every field, null apart from empty', () => {
    const base = auditHash(GENESIS_HASH, fields(1));
    for (const change of [{ rows: 13 }, { purpose: null }, { purpose: '' }, { address: null }, { filter: '{"a":1}' }, { actor: 'cli' }, { at: new Date(0) }]) {
      expect(auditHash(GENESIS_HASH, fields(1, change as Partial<AuditFields>))).not.toBe(base);
    }
  });

  it('holds over pages, and names the first entry edited, re-linked or missing', () => {
    const entries = chain(5);
    expect(walk([entries.slice(0, 2), entries.slice(2)])).toEqual({ intact: true, entries: 5, firstBreak: null });
    expect(walk([])).toEqual({ intact: true, entries: 0, firstBreak: null });

    const edited = entries.map((e) => (e.seq === 3 ? { ...e, purpose: '随便看看' } : e));
    expect(walk([edited])).toMatchObject({ intact: false, firstBreak: { seq: 3, reason: 'hash-mismatch' } });

    const rehashed = edited.map((e) => (e.seq === 3 ? { ...e, hash: auditHash(e.prevHash, e) } : e));
    expect(walk([rehashed])).toMatchObject({ intact: false, firstBreak: { seq: 4, reason: 'prev-hash-mismatch' } });

    expect(walk([entries.filter((e) => e.seq !== 2)])).toMatchObject({ intact: false, firstBreak: { seq: 2, reason: 'sequence-gap' } });
  });
});
