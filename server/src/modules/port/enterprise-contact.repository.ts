import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import { PhoneColumn } from '../../infra/database/phone-columns.js';

export interface StoredContact {
  id: string;
  creditCode: string;
  phoneCipher: string;
  phoneIndex: string;
  title: string;
  addedAt: Date;
}

export interface PortEventRow {
  creditCode: string;
  kind: 'contact-added' | 'contact-removed' | 'wechat-bound';
  detail: Record<string, unknown>;
  at: Date;
}

type ContactRow = { id: string; credit_code: string; phone_cipher: string; phone_index: string; title: string; added_at: Date };
const toContact = (r: ContactRow): StoredContact => ({
  id: r.id, creditCode: r.credit_code, phoneCipher: r.phone_cipher, phoneIndex: r.phone_index, title: r.title, addedAt: new Date(r.added_at),
});

/** Statements on `enterprise_contacts`, `enterprise_wechat_bindings` and `enterprise_port_events`. */
@Injectable()
export class EnterpriseContactRepository extends BaseRepository {
  async ofEnterprise(creditCode: string, tx?: Tx): Promise<StoredContact[]> {
    const rows: ContactRow[] = await this.db(tx).query(
      'SELECT id, credit_code, phone_cipher, phone_index, title, added_at FROM enterprise_contacts WHERE credit_code = ? ORDER BY added_at, id', [creditCode]);
    return rows.map(toContact);
  }

  async byPhone(creditCode: string, phoneIndex: string, tx?: Tx): Promise<StoredContact | null> {
    const [row]: ContactRow[] = await this.db(tx).query(
      'SELECT id, credit_code, phone_cipher, phone_index, title, added_at FROM enterprise_contacts WHERE credit_code = ? AND phone_index = ?', [creditCode, phoneIndex]);
    return row ? toContact(row) : null;
  }

  /** Which of these (enterprise, phone index) pairs are contacts: `credit_code:phone_index` of each. */
  async contactsAmong(pairs: { creditCode: string; phoneIndex: string }[]): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows: { credit_code: string; phone_index: string }[] = await this.dataSource.query(
      'SELECT credit_code, phone_index FROM enterprise_contacts WHERE (credit_code, phone_index) IN (?)', [pairs.map((p) => [p.creditCode, p.phoneIndex])]);
    return new Set(rows.map((r) => `${r.credit_code}:${r.phone_index}`));
  }

  /** One of the enterprise's contacts, locked for removal. */
  async lockOne(creditCode: string, id: string, tx: Tx): Promise<StoredContact | null> {
    const [row]: ContactRow[] = await tx.query(
      'SELECT id, credit_code, phone_cipher, phone_index, title, added_at FROM enterprise_contacts WHERE credit_code = ? AND id = ? FOR UPDATE', [creditCode, id]);
    return row ? toContact(row) : null;
  }

  /** Adds a contact; false when the enterprise has that phone already. */
  async insert(contact: StoredContact, tx: Tx): Promise<boolean> {
    const result: { affectedRows: number } = await tx.query(
      'INSERT IGNORE INTO enterprise_contacts (id, credit_code, phone_cipher, phone_index, title, added_at) VALUES (?, ?, ?, ?, ?, ?)',
      [contact.id, contact.creditCode, contact.phoneCipher, contact.phoneIndex, contact.title, contact.addedAt],
    );
    return result.affectedRows === 1;
  }

  async remove(id: string, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM enterprise_contacts WHERE id = ?', [id]);
  }

  /** The enterprise and phone a WeChat account is bound to. */
  async bindingOf(openid: string, tx?: Tx): Promise<{ creditCode: string; phoneIndex: string } | null> {
    const [row]: { credit_code: string; phone_index: string }[] = await this.db(tx).query(
      'SELECT credit_code, phone_index FROM enterprise_wechat_bindings WHERE openid = ?', [openid]);
    return row ? { creditCode: row.credit_code, phoneIndex: row.phone_index } : null;
  }

  /** Binds a WeChat account to a phone of an enterprise, in place of whatever it was bound to. */
  async bind(openid: string, creditCode: string, phoneIndex: string, at: Date, tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO enterprise_wechat_bindings (openid, credit_code, phone_index, bound_at) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE credit_code = VALUES(credit_code), phone_index = VALUES(phone_index), bound_at = VALUES(bound_at)`,
      [openid, creditCode, phoneIndex, at],
    );
  }

  /** Drops the WeChat accounts bound to one phone of the enterprise (the contact was removed). */
  async unbindPhone(creditCode: string, phoneIndex: string, tx: Tx): Promise<void> {
    await tx.query('DELETE FROM enterprise_wechat_bindings WHERE credit_code = ? AND phone_index = ?', [creditCode, phoneIndex]);
  }

  async insertEvent(event: PortEventRow, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO enterprise_port_events (credit_code, kind, detail, at) VALUES (?, ?, ?, ?)', [event.creditCode, event.kind, JSON.stringify(event.detail), event.at]);
  }

  /** The contacts' phones, for `rotate-phones`. */
  phoneColumn(): PhoneColumn {
    return new PhoneColumn(this.dataSource, { table: 'enterprise_contacts', key: 'id', indexed: true });
  }
}
