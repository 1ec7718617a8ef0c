import { PassThrough } from 'node:stream';
import type { Transactions, Tx } from '../../infra/database/tx.js';
import { auditHash, GENESIS_HASH, type StoredAuditEntry } from './audit-chain.js';
import { AuditLog } from './audit-log.js';
import type { AuditFilter, AuditLogRepository, AuditRecord } from './audit-log.repository.js';

const RECORD: AuditRecord = { actor: 'user:3:supervisor', action: 'export', resource: 'supervision/cases', filter: { status: 'active' }, purpose: null, rows: 4, address: '10.0.0.8' };

/** The log's store in memory: appends chain like the repository's; reads answer what is kept. */
function setUp(options: { failAppend?: boolean } = {}) {
  const stored: StoredAuditEntry[] = [];
  const calls: string[] = [];
  const asked: { filter: AuditFilter; paging: { page: number; pageSize: number } }[] = [];
  const repository = {
    append: async (record: AuditRecord, at: Date, tx: Tx) => {
      calls.push(`append in ${(tx as unknown as { name: string }).name}`);
      if (options.failAppend) throw new Error('database gone');
      const prevHash = stored.at(-1)?.hash ?? GENESIS_HASH;
      const entry = { ...record, filter: JSON.stringify(record.filter), at, seq: stored.length + 1, prevHash };
      stored.push({ ...entry, hash: auditHash(prevHash, entry) });
    },
    page: async (filter: AuditFilter, paging: { page: number; pageSize: number }) => (asked.push({ filter, paging }), { rows: [...stored].reverse(), total: stored.length }),
    after: async (seq: number, limit: number) => (calls.push(`after ${seq}`), stored.filter((e) => e.seq > seq).slice(0, limit)),
    count: async () => stored.length,
  } as unknown as AuditLogRepository;
  const transactions = {
    run: (work: (tx: Tx) => Promise<unknown>, isolation?: string) => (calls.push(`transaction ${isolation}`), work({ name: 'tx' } as unknown as Tx)),
  } as unknown as Transactions;
  return { log: new AuditLog(repository, transactions), stored, calls, asked };
}

describe('the audit log', () => {
  it('appends each entry in a READ COMMITTED transaction of its own', async () => {
    const { log, stored, calls } = setUp();
    await log.record(RECORD);
    expect(calls).toEqual(['transaction READ COMMITTED', 'append in tx']);
    expect(stored[0]).toMatchObject({ seq: 1, actor: 'user:3:supervisor', rows: 4, filter: '{"status":"active"}' });
  });

  it('records a streamed export once it has ended, with its rows; one that broke off without rows, and fails it', async () => {
    const { log, stored } = setUp();
    const { rows: _rows, ...entry } = RECORD;
    expect(await log.audited(entry, async (out) => (out.write('a\n'), 7))(new PassThrough())).toBe(7);
    expect(stored.at(-1)).toMatchObject({ rows: 7, filter: '{"status":"active"}' });
    await expect(log.audited(entry, async () => Promise.reject(new Error('client gone')))(new PassThrough())).rejects.toThrow('client gone');
    expect(stored.at(-1)).toMatchObject({ rows: null, filter: '{"status":"active","incomplete":true}' });
  });

  it('records before the response can end, though the export ends the stream it writes to', async () => {
    const { log, stored } = setUp();
    const { rows: _rows, ...entry } = RECORD;
    const out = new PassThrough();
    const received: string[] = [];
    out.on('data', (chunk: Buffer) => received.push(chunk.toString()));
    await log.audited(entry, async (stream) => (stream.end('rows\n'), 1))(out);
    expect(out.writableEnded).toBe(false);
    expect(received).toEqual(['rows\n']);
    expect(stored).toHaveLength(1);
  });

  it('fails and records an export whose response closed part way', async () => {
    const { log, stored } = setUp();
    const { rows: _rows, ...entry } = RECORD;
    const out = new PassThrough({ highWaterMark: 4 });
    const writing = log.audited(entry, async (stream) => {
      for (let i = 0; i < 1000; i++) if (!stream.write('0123456789')) await new Promise((resolve, reject) => stream.once('drain', resolve).once('error', reject));
      return 1000;
    })(out);
    setImmediate(() => out.destroy());
    await expect(writing).rejects.toThrow();
    expect(stored.at(-1)).toMatchObject({ rows: null, filter: '{"status":"active","incomplete":true}' });
  });

  it('does not end an export as complete when it cannot be recorded', async () => {
    const { log } = setUp({ failAppend: true });
    const { rows: _rows, ...entry } = RECORD;
    await expect(log.audited(entry, async () => 3)(new PassThrough())).rejects.toThrow('database gone');
  });

  it('lists newest first, days read in Asia/Shanghai, both ends included', async () => {
    const { log, asked } = setUp();
    await log.record(RECORD, new Date('2026-05-10T02:00:00Z'));
    await log.record({ ...RECORD, actor: 'cli', action: 'export-unmasked', purpose: '与省平台交换数据' }, new Date('2026-05-11T02:00:00Z'));
    const page = await log.list({ actor: ' supervisor ', action: 'export', from: '2026-05-10', to: '2026-05-11', page: 2, pageSize: 10 });
    expect(asked).toEqual([{
      filter: { actor: 'supervisor', action: 'export', since: new Date('2026-05-09T16:00:00Z'), before: new Date('2026-05-11T16:00:00Z') },
      paging: expect.objectContaining({ page: 2, pageSize: 10 }),
    }]);
    expect(page.items.map((e) => [e.seq, e.actor, e.filter, e.at])).toEqual([
      [2, 'cli', { status: 'active' }, '2026-05-11T02:00:00.000Z'],
      [1, 'user:3:supervisor', { status: 'active' }, '2026-05-10T02:00:00.000Z'],
    ]);
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 10 });
    await expect(log.list({ to: '2026-02-31', page: 1, pageSize: 10 })).rejects.toMatchObject({ fields: [{ field: 'to' }] });
  });

  it('verifies the chain a page at a time and names the first broken link', async () => {
    const { log, stored, calls } = setUp();
    for (let i = 0; i < 3; i++) await log.record({ ...RECORD, rows: i });
    expect(await log.verify()).toEqual({ intact: true, entries: 3, firstBreak: null });
    expect(calls.filter((c) => c.startsWith('after'))).toEqual(['after 0', 'after 3']);
    stored[1] = { ...stored[1], rows: 99 };
    expect(await log.verify()).toEqual({ intact: false, entries: 3, firstBreak: { seq: 2, reason: 'hash-mismatch' } });
  });
});
