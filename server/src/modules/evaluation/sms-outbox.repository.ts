import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../infra/database/tx.js';
import { PhoneColumn } from '../../infra/database/phone-columns.js';
import { inviteOfAgency } from './rating-invite.repository.js';

export interface OutboxEntry {
  messageId: string;
  phoneCipher: string;
  text: string;
  link: string;
  sentAt: Date;
}

/** Statements on `sms_outbox`: what the local outbox provider "sent", for a demo without an SMS account. */
@Injectable()
export class SmsOutboxRepository extends BaseRepository {
  async insert(entries: OutboxEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.dataSource.query('INSERT INTO sms_outbox (message_id, phone_cipher, text, link, sent_at) VALUES ?', [
      entries.map((e) => [e.messageId, e.phoneCipher, e.text, e.link, e.sentAt]),
    ]);
  }

  /** The latest `limit` entries, newest first; of one agency's invites, or all. */
  async latest(agencyId: string | null, limit: number): Promise<(Omit<OutboxEntry, 'messageId'> & { id: number })[]> {
    const rows: { id: string | number; phone_cipher: string; text: string; link: string; sent_at: Date }[] = await this.dataSource.query(
      `SELECT o.id, o.phone_cipher, o.text, o.link, o.sent_at FROM sms_outbox o JOIN sms_messages m ON m.id = o.message_id
       ${agencyId === null ? '' : `WHERE ${inviteOfAgency('m.invite_id')}`}
       ORDER BY o.id DESC LIMIT ?`,
      agencyId === null ? [limit] : [agencyId, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), phoneCipher: r.phone_cipher, text: r.text, link: r.link, sentAt: new Date(r.sent_at) }));
  }

  /** The outbox's phones, for `rotate-phones`. */
  phoneColumn(): PhoneColumn {
    return new PhoneColumn(this.dataSource, { table: 'sms_outbox', key: 'id', indexed: false, numericKey: true });
  }
}
