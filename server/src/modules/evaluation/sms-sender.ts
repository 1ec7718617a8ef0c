import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { maskPhone, SYSTEM_ACTORS } from '@mashang/shared';
import type { Job } from 'bull';
import { APP_CONFIG } from '../../infra/config/config.module.js';
import type { AppConfig } from '../../infra/config/config.js';
import { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { Transactions } from '../../infra/database/tx.js';
import { JobQueue } from '../../infra/queues/job-queue.js';
import { OnJob } from '../../infra/queues/on-job.decorator.js';
import { JobName, type JobPayloads } from '../../infra/queues/queues.js';
import { Batcher } from '../../infra/batching/batcher.js';
import { NO_ANSWER, SMS_PROVIDER, type OutgoingSms, type SendOutcome, type SmsProvider } from './providers/sms-provider.js';
import { RatingInviteRepository } from './rating-invite.repository.js';
import { linkToken, ratingCode, ratingKey } from './rating-token.js';
import { SmsMessageRepository, type SendingRow } from './sms-message.repository.js';
import { renderSms } from './sms-template.js';
import { AgencyRepository } from '../registry/index.js';
import { TrailRepository } from '../trail/index.js';

type SendJob = Job<JobPayloads[JobName.SendSms]>;

/** A message with what sending it needs of its invite: the agencies asked about (lead first) and their inspection records. */
type LoadedMessage = Omit<SendingRow, 'inspectionId' | 'agencyName'> & {
  agencyNames: string[];
  /** Each agency's inspection record: the trails that get the 'invited' entry. */
  inspectionIds: string[];
};

interface Accepted {
  message: LoadedMessage;
  /** Null when the provider does not say it (found by asking after an unanswered attempt). */
  providerMessageId: string | null;
  attempts: number;
  phone: string;
}

/** Rows per look-up and per recording transaction. */
const BATCH = 200;
/**
 * How long a message the provider took is kept trying to be recorded, while the database fails over:
 * given up sooner, the job's retry would send it a second time.
 */
const RECORD_PATIENCE_MS = 120_000;

/**
 * The worker of the SMS queue. Every message is its own Bull job (retries with backoff, the
 * limiter caps the provider rate); concurrent jobs share database look-ups, provider calls and
 * the recording transaction (group commit), so throughput does not cost a round trip each.
 * A job whose message is no longer queued sends nothing: retried, re-run and re-published jobs
 * are harmless.
 */
@Injectable()
export class SmsSender implements OnApplicationShutdown {
  private readonly logger = new Logger(SmsSender.name);
  private readonly key: Buffer;
  private readonly phones: PhoneCipher;
  private readonly loader: Batcher<string, LoadedMessage | null>;
  private readonly dispatcher: Batcher<OutgoingSms, SendOutcome>;
  private readonly recorder: Batcher<Accepted, void>;
  /** The registry's expression naming an invite's agency, so loading messages stays one statement. */
  private readonly agencyName: string;

  constructor(
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(SmsMessageRepository) private readonly messages: SmsMessageRepository,
    @Inject(RatingInviteRepository) private readonly invites: RatingInviteRepository,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
    @Inject(AgencyRepository) agencies: AgencyRepository,
  ) {
    this.agencyName = agencies.nameExpression('ria.agency_id');
    this.key = ratingKey(config.jwtSecret);
    this.phones = new PhoneCipher(config.phoneKeys);
    this.loader = new Batcher((ids) => this.load(ids), BATCH, 2);
    this.dispatcher = new Batcher((batch) => this.provider.send(batch), provider.maxBatch, Math.max(1, Math.ceil(config.evaluation.sms.concurrency / provider.maxBatch) + 1));
    this.recorder = new Batcher((items) => this.recordAccepted(items), BATCH, 4);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.provider.close?.();
  }

  /** Queues the send jobs of these messages, each delayed until it is due. */
  async enqueue(messages: { id: string; dueAt: Date }[]): Promise<void> {
    const now = Date.now();
    await this.jobs.addMany(JobName.SendSms, messages.map((m) => ({ payload: { messageId: m.id }, delay: m.dueAt.getTime() - now })));
  }

  /** One send job; concurrent jobs share look-ups, provider calls and the recording transaction. */
  @OnJob(JobName.SendSms)
  async handle(job: SendJob): Promise<string> {
    const message = await this.loader.submit(job.data.messageId);
    if (!message) return 'gone';
    if (message.status !== 'queued') return `already ${message.status}`;
    const attempts = job.attemptsMade + 1;
    const now = new Date();
    const pointless = message.expiresAt <= now ? '评价链接已过期' : message.kind === 'reminder' ? await this.reminderNotNeeded(message) : null;
    if (pointless) {
      await this.close(message.id, message.kind === 'reminder' ? 'skipped' : 'failed', attempts - 1, { code: 'NOT_SENT', message: pointless });
      return 'not sent';
    }
    const stored = this.phones.read(message.phoneCipher);
    if (stored.state !== 'clear') {
      // The phone's key version is not configured: nothing can be sent until it is (the agency sees why).
      await this.close(message.id, 'failed', attempts - 1, { code: 'PHONE_UNREADABLE', message: '企业联系电话无法解密（其密钥版本未配置），无法发送评价短信' });
      return 'phone unreadable';
    }
    const { phone } = stored;
    const content = renderSms({
      kind: message.kind,
      mode: message.mode,
      signName: this.config.evaluation.sms.signName,
      baseUrl: this.config.publicBaseUrl,
      inspectionDate: message.inspectionDate,
      agencyNames: message.agencyNames,
      token: linkToken(this.key, message.inviteId),
      code: message.mode === 'code' ? ratingCode(this.key, message.inviteId, message.codeSeq) : null,
      expiresAt: message.expiresAt,
    });
    const { sms } = this.config.evaluation;
    const templateId = message.kind === 'invite' ? sms.inviteTemplate : sms.reminderTemplate;
    const outgoing: OutgoingSms = { messageId: message.id, phone, templateId, ...content };
    // The last attempt went out and its answer was lost: the provider may have sent it. Asked first, it is not sent twice.
    if (message.errorCode === NO_ANSWER && this.provider.findSent) {
      const earlier = await this.provider.findSent(outgoing).catch((error: Error) => {
        throw new Error(`SMS ${message.id}: could not ask the provider whether it took the unanswered attempt: ${error.message}`);
      });
      if (earlier.sent) {
        await this.recordSent({ message, providerMessageId: earlier.providerMessageId, attempts: Math.max(1, attempts - 1), phone });
        return 'accepted (the unanswered attempt)';
      }
    }
    const outcome = await this.dispatcher.submit(outgoing);
    if (outcome.ok) {
      await this.recordSent({ message, providerMessageId: outcome.providerMessageId, attempts, phone });
      return 'accepted';
    }
    const last = outcome.permanent || attempts >= (job.opts.attempts ?? sms.maxAttempts);
    if (last) {
      await this.close(message.id, 'failed', attempts, outcome);
      this.logger.warn(`SMS ${message.id} to ${maskPhone(phone)} failed for good after ${attempts} attempt(s): ${outcome.code} ${outcome.message}`);
      return 'failed';
    }
    await this.messages.recordAttempt(message.id, attempts, outcome.unanswered
      ? { code: NO_ANSWER, message: `${outcome.code}: ${outcome.message}`.slice(0, 300) }
      : { code: outcome.code, message: outcome.message || null });
    // Bull retries with backoff.
    throw new Error(`SMS ${message.id}: ${outcome.code} ${outcome.message}`);
  }

  /** The provider took the message: it is the recording that is tried again, never the send. */
  private async recordSent(accepted: Accepted): Promise<void> {
    const deadline = Date.now() + RECORD_PATIENCE_MS;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.recorder.submit(accepted);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        this.logger.warn(`SMS ${accepted.message.id} taken by the provider, not recorded yet (${(error as { code?: string }).code ?? (error as Error).message}): trying again`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 5_000)));
      }
    }
  }

  /** A reminder goes only to an invite that reached the phone and still has an agency unrated. */
  private async reminderNotNeeded(message: LoadedMessage): Promise<string | null> {
    const invite = await this.messages.inviteSmsStatus(message.inviteId);
    if (invite !== 'accepted' && invite !== 'delivered') return '评价短信未发出，不再提醒';
    return (await this.invites.unratedCount(message.inviteId)) === 0 ? '已全部评价，无需提醒' : null;
  }

  private async close(id: string, status: 'failed' | 'skipped', attempts: number, why: { code: string; message: string }): Promise<void> {
    await this.messages.close(id, status, attempts, { code: why.code, message: why.message || null }, new Date());
  }

  /** The messages with their invites and agencies (lead first), in one query: a row per agency. */
  private async load(ids: string[]): Promise<(LoadedMessage | null)[]> {
    const rows = await this.messages.sending(ids, this.agencyName);
    const byId = new Map<string, LoadedMessage>();
    for (const { agencyName, inspectionId, ...r } of rows) {
      // Agencies on the register only.
      if (agencyName === null) continue;
      const loaded = byId.get(r.id);
      if (loaded) {
        loaded.agencyNames.push(agencyName);
        loaded.inspectionIds.push(inspectionId);
        continue;
      }
      byId.set(r.id, { ...r, agencyNames: [agencyName], inspectionIds: [inspectionId] });
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * One transaction for a batch of accepted messages: each still-queued message becomes accepted
   * and every inspection of its invite gets an 'invited' trail entry. Usually every message is
   * still queued and one update marks them all; when one is not (its job re-ran after a crash and
   * another run recorded it), the batch is done again carefully: rows read under lock first, and
   * only those still queued change.
   */
  private async recordAccepted(items: Accepted[]): Promise<void[]> {
    const at = new Date();
    const unique = [...new Map(items.map((i) => [i.message.id, i])).values()];
    // Lock conflicts are run again by Transactions; a batch with a message recorded meanwhile is redone carefully.
    for (let careful = false; ; careful = true) {
      try {
        // READ COMMITTED: locking reads take no gap locks, so parallel batches on neighbouring trails do not deadlock.
        await this.transactions.run(async (tx) => {
          let fresh = unique;
          if (careful) {
            const openIds = await this.messages.lockQueued(unique.map((i) => i.message.id), tx);
            fresh = unique.filter((i) => openIds.has(i.message.id));
            if (!fresh.length) return;
          }
          const updated = await this.messages.markAccepted(fresh.map((i) => ({ id: i.message.id, providerMessageId: i.providerMessageId, attempts: i.attempts })), at, tx);
          if (updated !== fresh.length) throw new RecordedMeanwhile();
          await this.trail.appendMany(fresh.flatMap((item) => {
            const detail = { messageId: item.message.id, kind: item.message.kind, provider: this.provider.name, phone: maskPhone(item.phone) };
            return item.message.inspectionIds.map((inspectionId) => ({ inspectionId, kind: 'invited' as const, actor: SYSTEM_ACTORS.sms, detail, at }));
          }), tx);
        }, 'READ COMMITTED');
        return items.map(() => undefined);
      } catch (error) {
        if (!(error instanceof RecordedMeanwhile) || careful) throw error;
      }
    }
  }
}

/** Some message of a batch was no longer queued: the batch is rolled back and recorded carefully. */
class RecordedMeanwhile extends Error {}
