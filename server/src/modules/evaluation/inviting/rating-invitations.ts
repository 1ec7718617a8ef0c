import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { shanghaiDate } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { PhoneCipher } from '../../../infra/crypto/phone-cipher.js';
import { Transactions, type Tx } from '../../../infra/database/tx.js';
import { JobName, type JobPayloads } from '../../../infra/queues/queues.js';
import { InspectionRepository } from '../../inspections/index.js';
import { JobOutbox, outboxJob } from '../../outbox/index.js';
import { EnterpriseRepository } from '../../registry/index.js';
import { RatingInviteRepository, type NewInvite } from '../rating-invite.repository.js';
import { credentialHash, linkToken, ratingCode, ratingKey } from '../rating-token.js';
import { SmsMessageRepository, type NewSmsMessage } from '../sms-message.repository.js';

type Finished = JobPayloads[JobName.InspectionFinished];

/** A message to queue for sending, and when it is due. */
export interface QueuedMessage {
  id: string;
  dueAt: Date;
}

/** How often a collided rating code is derived again before giving up. */
const CODE_RETRIES = 5;

/** 短信邀评: the rating invite of a finished inspection, with its SMS. */
@Injectable()
export class RatingInvitations {
  private readonly logger = new Logger(RatingInvitations.name);
  private readonly key: Buffer;
  private readonly phones: PhoneCipher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(RatingInviteRepository) private readonly invites: RatingInviteRepository,
    @Inject(SmsMessageRepository) private readonly messages: SmsMessageRepository,
    @Inject(InspectionRepository) private readonly inspections: InspectionRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
    @Inject(JobOutbox) private readonly outbox: JobOutbox,
  ) {
    this.key = ratingKey(config.jwtSecret);
    this.phones = new PhoneCipher(config.phoneKeys);
  }

  /**
   * The invite of a finished inspection, created once per inspection group, with the send jobs of its
   * messages in the job outbox of the same transaction. A retried event creates nothing new; the
   * messages still waiting are recorded again, which adds nothing (one outbox row, one Bull job per id).
   */
  async inviteFinished(finished: Finished, now = new Date()): Promise<void> {
    await this.transactions.run(async (tx) => {
      const queued = await this.createInvites([finished], now, tx);
      await this.outbox.add(queued.map((m) => outboxJob(JobName.SendSms, { messageId: m.id }, m.dueAt)), tx);
    });
  }

  /** Creates the invites of many finished inspections at once (also used to load benchmarks); answers the messages to queue. */
  async createInvites(finished: Finished[], now: Date, tx: Tx): Promise<QueuedMessage[]> {
    const groupIds = finished.map((f) => f.groupId);
    const existing = await this.invites.byGroups(groupIds, tx);
    const queued = existing.length ? await this.messages.queuedOf(existing.map((e) => e.id), tx) : [];
    const known = new Set(existing.map((e) => e.groupId));
    const fresh = finished.filter((f, i) => !known.has(f.groupId) && groupIds.indexOf(f.groupId) === i);
    if (!fresh.length) return queued;

    const inspections = await this.inspections.byIds(fresh.flatMap((f) => f.inspectionIds), tx);
    const enterprises = await this.enterprises.byCodes(fresh.map((f) => f.creditCode), tx);
    const inspectionById = new Map(inspections.map((i) => [i.id, i]));
    const { evaluation } = this.config;
    const invites: NewInvite[] = [];
    const agencies: { inviteId: string; inspectionId: string; agencyId: string; position: number }[] = [];
    const messages: NewSmsMessage[] = [];
    for (const f of fresh) {
      const own = f.inspectionIds.map((id) => inspectionById.get(id)).filter((i) => i !== undefined);
      if (!own.length) {
        this.logger.warn(`inspection ${f.groupId} finished without inspection records: no rating invite`);
        continue;
      }
      // The lead agency's record first, as the officers listed it.
      own.sort((a, b) => Number(b.id === f.groupId) - Number(a.id === f.groupId));
      const id = randomUUID();
      const phoneCipher = enterprises.get(f.creditCode)?.phoneCipher ?? null;
      // An unreadable phone gets no index; sending then fails it with its reason.
      const phoneIndex = this.phones.index(this.phones.decrypt(phoneCipher));
      const startedAt = Math.min(...own.map((i) => i.startedAt.getTime()));
      const mode = evaluation.sms.mode;
      invites.push({
        id, groupId: f.groupId, creditCode: f.creditCode, phoneCipher, phoneIndex, mode, tokenHash: credentialHash({ kind: 'link', token: linkToken(this.key, id) }),
        codeHash: mode === 'code' ? this.codeHash(id, 0) : null, codeSeq: 0,
        inspectionDate: shanghaiDate(startedAt), createdAt: now, expiresAt: new Date(now.getTime() + evaluation.linkTtlSeconds * 1000),
      });
      own.forEach((inspection, position) => agencies.push({ inviteId: id, inspectionId: inspection.id, agencyId: inspection.agencyId, position }));
      const provider = evaluation.sms.provider.kind;
      const message = { inviteId: id, provider, queuedAt: now, errorCode: null, errorMessage: null, closedAt: null };
      const inviteMessage = randomUUID();
      if (phoneCipher) {
        messages.push({ ...message, id: inviteMessage, kind: 'invite', status: 'queued', dueAt: now });
        queued.push({ id: inviteMessage, dueAt: now });
        if (evaluation.reminderDelaySeconds !== null) {
          const reminder = randomUUID();
          const dueAt = new Date(now.getTime() + evaluation.reminderDelaySeconds * 1000);
          messages.push({ ...message, id: reminder, kind: 'reminder', status: 'queued', dueAt });
          queued.push({ id: reminder, dueAt });
        }
      } else {
        // Shown to the agency: it can ask the enterprise to register a phone.
        messages.push({ ...message, id: inviteMessage, kind: 'invite', status: 'failed', errorCode: 'NO_PHONE', errorMessage: '企业未登记联系电话，无法发送评价短信', dueAt: now, closedAt: now });
      }
    }
    if (!invites.length) return queued;
    await this.insertInvites(invites, tx);
    await this.invites.insertAgencies(agencies, tx);
    await this.messages.insert(messages, tx);
    return queued;
  }

  /** All invites in one statement; should a derived code collide with another invite's, one by one with the next code. */
  private async insertInvites(invites: NewInvite[], tx: Tx): Promise<void> {
    if (await this.invites.tryInsert(invites, tx)) return;
    for (const invite of invites) {
      while (!(await this.invites.tryInsert([invite], tx))) {
        if (invite.codeSeq >= CODE_RETRIES) throw new Error(`rating invite ${invite.id}: its code collided ${CODE_RETRIES + 1} times`);
        invite.codeSeq += 1;
        invite.codeHash = this.codeHash(invite.id, invite.codeSeq);
      }
    }
  }

  private codeHash(inviteId: string, seq: number): string {
    return credentialHash({ kind: 'code', code: ratingCode(this.key, inviteId, seq) });
  }
}
