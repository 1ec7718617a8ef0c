import type { AppConfig } from '../../../infra/config/config.js';
import { singlePhoneKey } from '../../../infra/crypto/phone-keys.js';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { StoredInspection, InspectionRepository } from '../../inspections/index.js';
import type { EnterpriseRepository } from '../../registry/index.js';
import type { NewInvite, RatingInviteRepository } from '../rating-invite.repository.js';
import { credentialHash, ratingCode, ratingKey } from '../rating-token.js';
import type { NewSmsMessage, SmsMessageRepository } from '../sms-message.repository.js';
import type { JobOutbox, OutboxJob } from '../../outbox/index.js';
import { RatingInvitations } from './rating-invitations.js';

const TX = { tx: true } as unknown as Tx;
const NOW = new Date('2026-05-10T02:00:00Z');
const SECRET = 'unit-secret-unit-secret-unit-secret';
const SHOP = '92410202MA0000011X';
const config = {
  jwtSecret: SECRET,
  phoneKeys: singlePhoneKey(Buffer.alloc(32, 7)),
  evaluation: { linkTtlSeconds: 7 * 86_400, reminderDelaySeconds: 86_400, sms: { mode: 'code', provider: { kind: 'outbox' } } },
} as unknown as AppConfig;

const record = (id: string, agencyId: string, startedAt: string): StoredInspection => ({
  id, agencyId, creditCode: SHOP, trigger: 'planned', jointId: 'J1', startedAt: new Date(startedAt), finishedAt: NOW, coded: true, result: 'pass',
});

/** The stores as fakes: existing invites and their waiting messages, the records, enterprises' phones, codes that collide. */
function setUp(options: { existing?: { id: string; groupId: string }[]; phone?: string | null; collides?: (invite: NewInvite) => boolean } = {}) {
  const inserts: NewInvite[][] = [];
  const stored: NewInvite[] = [];
  const agencies: { inviteId: string; inspectionId: string; agencyId: string; position: number }[] = [];
  const messages: NewSmsMessage[] = [];
  const enqueued: { id: string; dueAt: Date }[][] = [];
  let inTransaction = 0;
  const invitations = new RatingInvitations(
    config,
    { run: (work: (tx: Tx) => Promise<unknown>) => work(TX) } as unknown as Transactions,
    {
      byGroups: async (groupIds: string[]) => (options.existing ?? []).filter((e) => groupIds.includes(e.groupId)),
      tryInsert: async (invites: NewInvite[]) => {
        inserts.push(invites.map((i) => ({ ...i })));
        if (invites.some((i) => options.collides?.(i))) return false;
        stored.push(...invites);
        return true;
      },
      insertAgencies: async (rows: typeof agencies) => void agencies.push(...rows),
    } as unknown as RatingInviteRepository,
    {
      queuedOf: async (inviteIds: string[]) => inviteIds.map((id) => ({ id: `${id}:reminder`, dueAt: new Date('2026-05-11T02:00:00Z') })),
      insert: async (rows: NewSmsMessage[]) => void messages.push(...rows),
    } as unknown as SmsMessageRepository,
    {
      byIds: async (ids: string[]) =>
        [record('P2', 'A2', '2026-05-09T01:00:00Z'), record('P1', 'A1', '2026-05-09T01:30:00Z')].filter((r) => ids.includes(r.id)),
    } as unknown as InspectionRepository,
    { byCodes: async () => new Map([[SHOP, { name: '老王烩面馆', phoneCipher: options.phone === undefined ? 'v1.cipher' : options.phone }]]) } as unknown as EnterpriseRepository,
    {
      add: async (jobs: OutboxJob[], tx: Tx) => {
        if (tx === TX) inTransaction += 1;
        enqueued.push(jobs.map((j) => ({ id: (j.payload as { messageId: string }).messageId, dueAt: j.runAt! })));
      },
    } as unknown as JobOutbox,
  );
  return { invitations, inserts, stored, agencies, messages, enqueued, recordedInTransaction: () => inTransaction };
}

const finished = (groupId: string, inspectionIds: string[]) => ({ groupId, creditCode: SHOP, inspectionIds, finishedAt: NOW.toISOString() });
const codeHash = (inviteId: string, seq: number) => credentialHash({ kind: 'code', code: ratingCode(ratingKey(SECRET), inviteId, seq) });

describe('inviting the enterprise to rate a finished inspection', () => {
  it('creates one invite asking about every agency, the lead first, and queues the invite SMS now and the reminder a day later', async () => {
    const { invitations, stored, agencies, messages, enqueued, recordedInTransaction } = setUp();
    await invitations.inviteFinished(finished('P1', ['P2', 'P1']), NOW);
    expect(stored).toHaveLength(1);
    const [invite] = stored;
    expect(invite).toMatchObject({ groupId: 'P1', creditCode: SHOP, phoneCipher: 'v1.cipher', mode: 'code', codeSeq: 0, inspectionDate: '2026-05-09', createdAt: NOW });
    expect(invite.codeHash).toBe(codeHash(invite.id, 0));
    expect(invite.expiresAt).toEqual(new Date('2026-05-17T02:00:00Z'));
    expect(agencies).toEqual([
      { inviteId: invite.id, inspectionId: 'P1', agencyId: 'A1', position: 0 },
      { inviteId: invite.id, inspectionId: 'P2', agencyId: 'A2', position: 1 },
    ]);
    expect(messages.map((m) => [m.kind, m.status, m.dueAt])).toEqual([['invite', 'queued', NOW], ['reminder', 'queued', new Date('2026-05-11T02:00:00Z')]]);
    expect(enqueued).toEqual([messages.map((m) => ({ id: m.id, dueAt: m.dueAt }))]);
    expect(recordedInTransaction()).toBe(1);
  });

  it('creates nothing for an inspection invited before: it only queues again what still waits', async () => {
    const { invitations, inserts, messages, enqueued } = setUp({ existing: [{ id: 'inv-old', groupId: 'P1' }] });
    await invitations.inviteFinished(finished('P1', ['P1', 'P2']), NOW);
    expect(inserts).toEqual([]);
    expect(messages).toEqual([]);
    expect(enqueued).toEqual([[{ id: 'inv-old:reminder', dueAt: new Date('2026-05-11T02:00:00Z') }]]);
  });

  it('records the invite SMS as failed, and queues nothing, when the enterprise has no phone on file', async () => {
    const { invitations, stored, messages, enqueued } = setUp({ phone: null });
    await invitations.inviteFinished(finished('P1', ['P1']), NOW);
    expect(stored).toHaveLength(1);
    expect(messages).toEqual([expect.objectContaining({ kind: 'invite', status: 'failed', errorCode: 'NO_PHONE', closedAt: NOW })]);
    expect(enqueued).toEqual([[]]);
  });

  it('creates no invite for an inspection without records', async () => {
    const { invitations, inserts, messages } = setUp();
    await invitations.inviteFinished(finished('P9', ['P9']), NOW);
    expect(inserts).toEqual([]);
    expect(messages).toEqual([]);
  });

  it('inserts all invites at once; when a code collides, one by one, the colliding one with its next code', async () => {
    const { invitations, inserts, stored } = setUp({ collides: (invite) => invite.groupId === 'P2' && invite.codeSeq === 0 });
    await invitations.createInvites([finished('P1', ['P1']), finished('P2', ['P2'])], NOW, TX);
    const [a, b] = stored;
    expect(inserts.map((batch) => batch.map((i) => [i.groupId, i.codeSeq]))).toEqual([[['P1', 0], ['P2', 0]], [['P1', 0]], [['P2', 0]], [['P2', 1]]]);
    expect(stored.map((i) => [i.groupId, i.codeSeq])).toEqual([['P1', 0], ['P2', 1]]);
    expect(a.codeHash).toBe(codeHash(a.id, 0));
    expect(b.codeHash).toBe(codeHash(b.id, 1));
  });

  it('gives up on an invite whose code keeps colliding', async () => {
    const { invitations } = setUp({ collides: (invite) => invite.groupId === 'P2' });
    await expect(invitations.createInvites([finished('P1', ['P1']), finished('P2', ['P2'])], NOW, TX)).rejects.toThrow('collided 6 times');
  });
});
