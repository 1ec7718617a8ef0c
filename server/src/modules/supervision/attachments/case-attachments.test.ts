import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { CaseEventRow, CaseUnderLock, FlaggedCaseQueueRepository, FlaggedCaseRepository } from '../../flags/index.js';
import type { CaseAttachmentRepository } from '../case-attachment.repository.js';
import { CaseAttachments, MAX_ATTACHMENT_BYTES } from './case-attachments.js';

const TX = { tx: true } as unknown as Tx;
const NOW = new Date('2026-05-10T02:00:00Z');
const user = (id: number, role: Role, agencyId: string | null = null): SessionUser => ({ id, username: `u${id}`, role, displayName: `用户${id}`, agencyId, officerId: null });
const supervisor = user(7, Role.Supervisor);
const admin1 = user(11, Role.AgencyAdmin, 'A1');
const admin2 = user(12, Role.AgencyAdmin, 'A2');
const A1_CASE: CaseUnderLock = {
  id: 'c1', source: 'anomaly', status: 'investigating', conclusion: null, agencyId: 'A1', creditCode: null, assigneeId: 7, deadline: '2026-05-20', createdAt: new Date('2026-05-08T02:00:00Z'),
};
const FILE = { name: '笔录.txt', mime: 'text/plain', content: Buffer.from('笔录') };

function setUp(stored: CaseUnderLock) {
  const writes: string[] = [];
  let event: CaseEventRow | null = null;
  const attachments = new CaseAttachments(
    { run: (work: (tx: Tx) => Promise<unknown>) => work(TX) } as unknown as Transactions,
    {
      lock: async (id: string) => (id === stored.id ? stored : null),
      touch: async (id: string, at: Date) => void writes.push(`touch ${id} ${at.toISOString()}`),
      agencyOf: async (id: string) => (id === stored.id ? { agencyId: stored.agencyId } : null),
    } as unknown as FlaggedCaseQueueRepository,
    { insertEvents: async ([e]: CaseEventRow[]) => ((event = e), void writes.push(`event ${e.kind}`)) } as unknown as FlaggedCaseRepository,
    {
      insert: async (a: { id: string; name: string; content: Buffer }, tx: Tx) => (expect(tx).toBe(TX), void writes.push(`attachment ${a.name} ${a.content.length}`)),
      file: async (caseId: string, id: string) => (caseId === stored.id && id === 'att-1' ? FILE : null),
    } as unknown as CaseAttachmentRepository,
  );
  return { attachments, writes, event: () => event };
}

const refusal = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as DomainError;
const upload = (name: string, content: Buffer) => ({ name, mime: 'text/plain', content: content.toString('base64') });

describe('attachments of a flagged case', () => {
  it('stores the file, logs it with its hash and marks the case changed, in that order', async () => {
    const { attachments, writes, event } = setUp(A1_CASE);
    const view = await attachments.attach(supervisor, 'c1', upload(' 调查/笔录.txt ', Buffer.from('调查笔录')), NOW);
    expect(view).toMatchObject({ name: '调查_笔录.txt', mime: 'text/plain', size: 12, uploadedBy: 'user:7:u7', at: NOW.toISOString() });
    expect(view.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(writes).toEqual(['attachment 调查_笔录.txt 12', 'event attachment', `touch c1 ${NOW.toISOString()}`]);
    expect(event()?.detail).toEqual({ attachmentId: view.id, name: '调查_笔录.txt', mime: 'text/plain', size: 12, sha256: view.sha256 });
  });

  it('refuses an empty or too large file, and another agency\'s admin, writing nothing', async () => {
    const { attachments, writes } = setUp(A1_CASE);
    expect((await refusal(attachments.attach(supervisor, 'c1', upload('a.txt', Buffer.alloc(0)), NOW))).code).toBe(ErrorCode.ValidationFailed);
    expect((await refusal(attachments.attach(supervisor, 'c1', upload('a.bin', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1)), NOW))).code).toBe(ErrorCode.PayloadTooLarge);
    expect((await refusal(attachments.attach(admin2, 'c1', upload('a.txt', Buffer.from('x')), NOW))).code).toBe(ErrorCode.Forbidden);
    expect(writes).toEqual([]);
  });

  it('refuses attaching to a closed case', async () => {
    const { attachments, writes } = setUp({ ...A1_CASE, status: 'closed', conclusion: 'unfounded', deadline: null });
    expect((await refusal(attachments.attach(supervisor, 'c1', upload('a.txt', Buffer.from('x')), NOW))).code).toBe(ErrorCode.Conflict);
    expect(writes).toEqual([]);
  });

  it('gives a file back to those who may see the case; an unknown attachment is not found for anyone', async () => {
    const { attachments } = setUp(A1_CASE);
    expect(await attachments.file(admin1, 'c1', 'att-1')).toBe(FILE);
    expect((await refusal(attachments.file(admin2, 'c1', 'att-1'))).code).toBe(ErrorCode.Forbidden);
    expect((await refusal(attachments.file(admin2, 'c1', 'att-2'))).code).toBe(ErrorCode.NotFound);
  });
});
