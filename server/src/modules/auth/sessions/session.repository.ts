import { Injectable } from '@nestjs/common';
import { EntityTable } from '../../../infra/database/entity-table.js';
import type { Tx } from '../../../infra/database/tx.js';
import { UserSession, type SessionEndReason } from './user-session.entity.js';

@Injectable()
export class SessionRepository extends EntityTable<UserSession> {
  protected readonly entity = UserSession;

  /** Records a new session, and drops the user's sessions that have expired (each login tidies its own). */
  async open(session: { id: string; userId: number; createdAt: Date; expiresAt: Date }, tx?: Tx): Promise<void> {
    await this.db(tx).query('DELETE FROM user_sessions WHERE user_id = ? AND expires_at < ?', [session.userId, session.createdAt]);
    await this.insert({ ...session, endedAt: null, endReason: null }, tx);
  }

  /** Which of these sessions still count at `now`: not ended, not expired, and their user active. */
  async liveAmong(ids: string[], now: Date, tx?: Tx): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await this.db(tx).query(
      'SELECT s.id FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE s.id IN (?) AND s.ended_at IS NULL AND s.expires_at > ? AND u.active = 1',
      [ids, now],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Ends one session (logout). */
  async end(id: string, reason: SessionEndReason, at: Date, tx?: Tx): Promise<void> {
    await this.db(tx).query('UPDATE user_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL', [at, reason, id]);
  }

  /** Ends every open session of a user, but the one to keep (the session that changed the password). */
  async endAllOf(userId: number, reason: SessionEndReason, at: Date, { except }: { except?: string } = {}, tx?: Tx): Promise<void> {
    await this.db(tx).query(
      'UPDATE user_sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL AND expires_at > ? AND id <> ?',
      [at, reason, userId, at, except ?? ''],
    );
  }
}
