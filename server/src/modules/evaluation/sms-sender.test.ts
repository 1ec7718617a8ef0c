import type { Job } from 'bull';
import type { AppConfig } from '../../infra/config/config.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { singlePhoneKey } from '../../infra/crypto/phone-keys.js';
import type { Transactions, Tx } from '../../infra/database/tx.js';
import type { JobQueue } from '../../infra/queues/job-queue.js';
import type { AgencyRepository } from '../registry/index.js';
import type { TrailAppend, TrailRepository } from '../trail/index.js';
import type { OutgoingSms, SendOutcome, SmsProvider } from './providers/sms-provider.js';
import type { RatingInviteRepository } from './rating-invite.repository.js';
import type { SendingRow, SmsMessageRepository } from './sms-message.repository.js';
import { SmsSender } from './sms-sender.js';

const KEYS = singlePhoneKey(Buffer.alloc(32, 7));
const phones = new PhoneCipher(KEYS);
const config = {
  jwtSecret: 'unit-secret-unit-secret-unit-secret',
  phoneKeys: KEYS,
  publicBaseUrl: 'https://mashang.example.cn',
  evaluation: { sms: { concurrency: 100, signName: '码上入企', inviteTemplate: 'SMS_INVITE', reminderTemplate: 'SMS_REMIND', maxAttempts: 5 } },
} as unknown as AppConfig;

const row = (id: string, overrides: Partial<SendingRow> = {}): SendingRow => ({
  id, inviteId: `inv-${id}`, kind: 'invite', status: 'queued', mode: 'link', codeSeq: 0, phoneCipher: phones.encrypt(`1380000000${id.slice(-1)}`), errorCode: null,
  expiresAt: new Date(Date.now() + 86_400_000), inspectionDate: '2026-05-09', inspectionId: `P-${id}`, agencyName: '市市场监督管理局', ...overrides,
});
const job = (messageId: string, attemptsMade = 0) => ({ data: { messageId }, attemptsMade, opts: { attempts: 5 } }) as unknown as Job<{ messageId: string }>;

/** Stored messages and what every statement was asked; `recordedMeanwhile` are accepted by another run after loading. */
function setUp(rows: SendingRow[], options: { recordedMeanwhile?: string[]; unrated?: number; inviteStatus?: string; outcome?: SendOutcome; findSent?: SmsProvider['findSent'] } = {}) {
  const calls: string[] = [];
  const attempts: unknown[][] = [];
  const sent: OutgoingSms[][] = [];
  const trail: TrailAppend[] = [];
  const closed: unknown[][] = [];
  const meanwhile = new Set(options.recordedMeanwhile ?? []);
  const provider: SmsProvider = {
    name: 'aliyun',
    maxBatch: 100,
    send: async (batch) => (sent.push(batch), batch.map((m) => options.outcome ?? { ok: true as const, providerMessageId: `biz-${m.messageId}` })),
    ...(options.findSent ? { findSent: options.findSent } : {}),
  };
  const sender = new SmsSender(
    { addMany: async () => undefined } as unknown as JobQueue,
    { run: (work: (tx: Tx) => Promise<unknown>, isolation?: string) => (calls.push(`transaction ${isolation}`), work({} as Tx)) } as unknown as Transactions,
    config,
    provider,
    {
      sending: async (ids: string[], agencyName: string) => (calls.push(`load ${ids.length} ${agencyName}`), rows.filter((r) => ids.includes(r.id))),
      markAccepted: async (accepted: { id: string }[]) => (calls.push(`accept ${accepted.map((a) => a.id).join(',')}`), accepted.filter((a) => !meanwhile.has(a.id)).length),
      lockQueued: async (ids: string[]) => (calls.push(`lock ${ids.join(',')}`), new Set(ids.filter((id) => !meanwhile.has(id)))),
      inviteSmsStatus: async () => options.inviteStatus ?? 'delivered',
      recordAttempt: async (...args: unknown[]) => void attempts.push(args),
      close: async (...args: unknown[]) => void closed.push(args),
    } as unknown as SmsMessageRepository,
    { unratedCount: async () => options.unrated ?? 1 } as unknown as RatingInviteRepository,
    { appendMany: async (entries: TrailAppend[]) => (calls.push(`trail ${entries.length}`), void trail.push(...entries)) } as unknown as TrailRepository,
    { nameExpression: (column: string) => `name(${column})` } as unknown as AgencyRepository,
  );
  return { sender, calls, sent, trail, closed, attempts };
}

describe('sending rating SMS', () => {
  it('shares one load, one provider call and one recording transaction among the jobs of a moment', async () => {
    const { sender, calls, sent, trail } = setUp([row('m1'), row('m2'), row('m2', { inspectionId: 'P-m2b', agencyName: '市生态环境局' }), row('m3')]);
    expect(await Promise.all(['m1', 'm2', 'm3'].map((id) => sender.handle(job(id))))).toEqual(['accepted', 'accepted', 'accepted']);
    expect(calls).toEqual(['load 3 name(ria.agency_id)', 'transaction READ COMMITTED', 'accept m1,m2,m3', 'trail 4']);
    expect(sent).toHaveLength(1);
    expect(sent[0].map((m) => m.text)).toContainEqual(expect.stringContaining('市市场监督管理局等2个部门'));
    expect(trail.map((t) => [t.inspectionId, t.kind, t.actor])).toEqual([
      ['P-m1', 'invited', 'system:sms'], ['P-m2', 'invited', 'system:sms'], ['P-m2b', 'invited', 'system:sms'], ['P-m3', 'invited', 'system:sms'],
    ]);
  });

  it('redoes a batch carefully when a message was recorded meanwhile: only those still queued change', async () => {
    const { sender, calls, trail } = setUp([row('m1'), row('m2')], { recordedMeanwhile: ['m1'] });
    await Promise.all(['m1', 'm2'].map((id) => sender.handle(job(id))));
    expect(calls).toEqual(['load 2 name(ria.agency_id)', 'transaction READ COMMITTED', 'accept m1,m2', 'transaction READ COMMITTED', 'lock m1,m2', 'accept m2', 'trail 1']);
    expect(trail.map((t) => t.inspectionId)).toEqual(['P-m2']);
  });

  it('skips a reminder once every agency is rated, and sends nothing for a message gone or agencies off the register', async () => {
    const { sender, sent, closed } = setUp([row('m1', { kind: 'reminder' }), row('m2', { agencyName: null })], { unrated: 0 });
    expect(await sender.handle(job('m1'))).toBe('not sent');
    expect(closed).toEqual([['m1', 'skipped', 0, { code: 'NOT_SENT', message: '已全部评价，无需提醒' }, expect.any(Date)]]);
    expect(await sender.handle(job('m2'))).toBe('gone');
    expect(await sender.handle(job('m9'))).toBe('gone');
    expect(sent).toEqual([]);
  });

  it('fails a message whose phone is under a key version not configured, sending nothing', async () => {
    const other = new PhoneCipher({ current: 9, keys: new Map([[9, Buffer.alloc(32, 9)]]), indexKey: Buffer.alloc(32, 8) });
    const { sender, sent, closed } = setUp([row('m1', { phoneCipher: other.encrypt('13800000001') })]);
    expect(await sender.handle(job('m1'))).toBe('phone unreadable');
    expect(closed).toEqual([['m1', 'failed', 0, { code: 'PHONE_UNREADABLE', message: expect.stringContaining('无法解密') }, expect.any(Date)]]);
    expect(sent).toEqual([]);
  });

  it('keeps an attempt that went out unanswered as NO_ANSWER, for the next attempt to ask about', async () => {
    const { sender, attempts } = setUp([row('m1')], { outcome: { ok: false, permanent: false, code: 'RequestTimeoutError', message: 'ReadTimeout(2000)', unanswered: true } });
    await expect(sender.handle(job('m1'))).rejects.toThrow(/RequestTimeoutError/);
    expect(attempts).toEqual([['m1', 1, { code: 'NO_ANSWER', message: 'RequestTimeoutError: ReadTimeout(2000)' }]]);
  });

  it('asks the provider after an unanswered attempt: a message it took is recorded, not sent again', async () => {
    const asked: string[] = [];
    const taken = setUp([row('m1', { errorCode: 'NO_ANSWER' })], { findSent: async (sms) => (asked.push(sms.messageId), { sent: true, providerMessageId: null }) });
    expect(await taken.sender.handle(job('m1', 1))).toBe('accepted (the unanswered attempt)');
    expect(asked).toEqual(['m1']);
    expect(taken.sent).toEqual([]);
    expect(taken.calls).toContain('accept m1');
    expect(taken.trail.map((t) => t.kind)).toEqual(['invited']);
    // Not taken: sent now. A provider that cannot be asked: nothing sent, the job retries.
    const missing = setUp([row('m2', { errorCode: 'NO_ANSWER' })], { findSent: async () => ({ sent: false }) });
    expect(await missing.sender.handle(job('m2', 1))).toBe('accepted');
    expect(missing.sent).toHaveLength(1);
    const unreachable = setUp([row('m3', { errorCode: 'NO_ANSWER' })], { findSent: async () => Promise.reject(new Error('timeout')) });
    await expect(unreachable.sender.handle(job('m3', 1))).rejects.toThrow(/could not ask the provider/);
    expect(unreachable.sent).toEqual([]);
  });
});
