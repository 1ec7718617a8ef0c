import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../infra/database/tx.js';
import { PhoneColumn } from '../../infra/database/phone-columns.js';

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

  /** The latest `limit` entries, newest first. */
  async latest(limit: number): Promise<(Omit<OutboxEntry, 'messageId'> & { id: number })[]> {
    const rows: { id: string | number; phone_cipher: string; text: string; link: string; sent_at: Date }[] = await this.dataSource.query(
      'SELECT id, phone_cipher, text, link, sent_at FROM sms_outbox ORDER BY id DESC LIMIT ?', [limit]);
    return rows.map((r) => ({ id: Number(r.id), phoneCipher: r.phone_cipher, text: r.text, link: r.link, sentAt: new Date(r.sent_at) }));
  }

  /** The outbox's phones, for `rotate-phones`. */
  phoneColumn(): PhoneColumn {
    return new PhoneColumn(this.dataSource, { table: 'sms_outbox', key: 'id', indexed: false, numericKey: true });
  }
}
