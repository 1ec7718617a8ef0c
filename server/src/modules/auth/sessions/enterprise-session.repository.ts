import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../../infra/database/tx.js';
import type { EnterpriseSessionEndReason } from './enterprise-session.entity.js';

export interface NewEnterpriseSession {
  id: string;
  creditCode: string;
  phoneIndex: string;
  method: 'sms' | 'wechat';
  createdAt: Date;
  expiresAt: Date;
}

/** Statements on `enterprise_sessions`. */
@Injectable()
export class EnterpriseSessionRepository extends BaseRepository {
  /** Records a sign-in, and drops that phone's expired sessions of the enterprise (each sign-in tidies its own). */
  async open(session: NewEnterpriseSession, tx?: Tx): Promise<void> {
    const db = this.db(tx);
    await db.query('DELETE FROM enterprise_sessions WHERE credit_code = ? AND phone_index = ? AND expires_at < ?', [session.creditCode, session.phoneIndex, session.createdAt]);
    await db.query(
      'INSERT INTO enterprise_sessions (id, credit_code, phone_index, method, created_at, expires_at, ended_at, end_reason) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)',
      [session.id, session.creditCode, session.phoneIndex, session.method, session.createdAt, session.expiresAt],
    );
  }

  /** Which of these sessions still count at `now`: not ended and not expired. */
  async liveAmong(ids: string[], now: Date): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM enterprise_sessions WHERE id IN (?) AND ended_at IS NULL AND expires_at > ?', [ids, now]);
    return new Set(rows.map((row) => row.id));
  }

  /** The phone (blind index) a live session was opened with; null when it has ended or expired. */
  async phoneIndexOf(id: string, now: Date, tx?: Tx): Promise<string | null> {
    const [row]: { phone_index: string }[] = await this.db(tx).query(
      'SELECT phone_index FROM enterprise_sessions WHERE id = ? AND ended_at IS NULL AND expires_at > ?', [id, now]);
    return row?.phone_index ?? null;
  }

  async end(id: string, reason: EnterpriseSessionEndReason, at: Date, tx?: Tx): Promise<void> {
    await this.db(tx).query('UPDATE enterprise_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL', [at, reason, id]);
  }

  /** Ends every open session one phone has for the enterprise (a contact removed). */
  async endAllOf(creditCode: string, phoneIndex: string, reason: EnterpriseSessionEndReason, at: Date, tx?: Tx): Promise<void> {
    await this.db(tx).query(
      'UPDATE enterprise_sessions SET ended_at = ?, end_reason = ? WHERE credit_code = ? AND phone_index = ? AND ended_at IS NULL AND expires_at > ?',
      [at, reason, creditCode, phoneIndex, at],
    );
  }
}
