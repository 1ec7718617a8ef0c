import { Inject, Injectable } from '@nestjs/common';
import { type OutboxMessage, type Page, type RatingInviteSummary, type SessionUser } from '@mashang/shared';
import { APP_CONFIG } from '../../../infra/config/config.module.js';
import type { AppConfig } from '../../../infra/config/config.js';
import { PhoneCipher } from '../../../infra/crypto/phone-cipher.js';
import { agencyScope } from '../../auth/index.js';
import { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import { RatingInviteRepository } from '../rating-invite.repository.js';
import { SmsMessageRepository } from '../sms-message.repository.js';
import { SmsOutboxRepository } from '../sms-outbox.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What agencies and supervisors see of the invites: each with its SMS and rating progress, and the local outbox (supervisors). */
@Injectable()
export class InviteList {
  private readonly phones: PhoneCipher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(RatingInviteRepository) private readonly invites: RatingInviteRepository,
    @Inject(SmsMessageRepository) private readonly messages: SmsMessageRepository,
    @Inject(SmsOutboxRepository) private readonly outboxEntries: SmsOutboxRepository,
    @Inject(AgencyRepository) private readonly agencies: AgencyRepository,
    @Inject(EnterpriseRepository) private readonly enterprises: EnterpriseRepository,
  ) {
    this.phones = new PhoneCipher(config.phoneKeys);
  }

  /**
   * Invites newest first; an agency sees those it is part of, with their delivery — not whether the
   * enterprise rated (an invite is one enterprise's), nor the reminders, sent only while it has not.
   */
  async list(user: SessionUser, page: number, pageSize: number): Promise<Page<RatingInviteSummary>> {
    const scope = agencyScope(user);
    const overseer = scope === null;
    const total = await this.invites.count(scope);
    const rows = await this.invites.page(scope, { page, pageSize });
    const ids = rows.map((r) => r.id);
    const [invited, messages, enterpriseNames] = await Promise.all([
      this.invites.agencies(ids),
      this.messages.progressOf(ids),
      this.enterprises.namesOf(rows.map((r) => r.creditCode)),
    ]);
    const agencyNames = await this.agencies.namesOf(invited.map((a) => a.agencyId));
    return {
      items: rows.map((r) => ({
        id: r.id,
        groupId: r.groupId,
        creditCode: r.creditCode,
        enterpriseName: enterpriseNames.get(r.creditCode) ?? '',
        phone: this.phones.masked(r.phoneCipher),
        mode: r.mode,
        createdAt: r.createdAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
        // Agencies on the register only.
        agencies: invited.filter((a) => a.inviteId === r.id && agencyNames.has(a.agencyId)).map((a) => ({
          agencyId: a.agencyId, name: agencyNames.get(a.agencyId)!, ...(overseer ? { rated: a.rated } : {}),
        })),
        messages: messages.filter((m) => m.inviteId === r.id && (overseer || m.kind === 'invite')).map((m) => ({
          kind: m.kind, status: m.status, attempts: m.attempts, errorCode: m.errorCode, errorMessage: m.errorMessage, acceptedAt: iso(m.acceptedAt), reportedAt: iso(m.reportedAt),
        })),
      })),
      total,
      page,
      pageSize,
    };
  }

  /** The latest messages of the local outbox provider, for a demo without a real SMS account (supervisors only: they hold the links). */
  async outbox(limit: number): Promise<OutboxMessage[]> {
    const rows = await this.outboxEntries.latest(limit);
    return rows.map((r) => ({ id: r.id, phone: this.phones.masked(r.phoneCipher)!, text: r.text, link: r.link, sentAt: r.sentAt.toISOString() }));
  }
}
