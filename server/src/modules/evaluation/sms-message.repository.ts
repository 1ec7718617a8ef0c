import { Injectable } from '@nestjs/common';
import type { SmsKind, SmsMode, SmsStatus } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A new message of an invite: queued to be sent when due, or failed at once (no phone on file). */
export interface NewSmsMessage {
  id: string;
  inviteId: string;
  kind: SmsKind;
  provider: string;
  status: 'queued' | 'failed';
  errorCode: string | null;
  errorMessage: string | null;
  queuedAt: Date;
  dueAt: Date;
  closedAt: Date | null;
}

/** How a message fared, as the agency sees it. */
export interface SmsProgress {
  inviteId: string;
  kind: SmsKind;
  status: SmsStatus;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  acceptedAt: Date | null;
  reportedAt: Date | null;
}

/** A message with what sending it needs of its invite: one row per agency the invite asks about, lead first. */
export interface SendingRow {
  id: string;
  inviteId: string;
  kind: SmsKind;
  status: SmsStatus;
  mode: SmsMode;
  codeSeq: number;
  phoneCipher: string | null;
  /** The last failed attempt's code (NO_ANSWER: the provider may have taken it). */
  errorCode: string | null;
  expiresAt: Date;
  inspectionDate: string;
  inspectionId: string;
  /** Null when the agency is not on the register. */
  agencyName: string | null;
}

/** Statements on `sms_messages`: each invite's invite and reminder SMS, from queued to delivered. */
@Injectable()
export class SmsMessageRepository extends BaseRepository {
  async insert(messages: NewSmsMessage[], tx: Tx): Promise<void> {
    if (!messages.length) return;
    await tx.query('INSERT INTO sms_messages (id, invite_id, kind, provider, status, error_code, error_message, queued_at, due_at, closed_at) VALUES ?', [
      messages.map((m) => [m.id, m.inviteId, m.kind, m.provider, m.status, m.errorCode, m.errorMessage, m.queuedAt, m.dueAt, m.closedAt]),
    ]);
  }

  /** The messages of these invites still waiting to be sent, with when each is due. */
  async queuedOf(inviteIds: string[], tx?: Tx): Promise<{ id: string; dueAt: Date }[]> {
    if (!inviteIds.length) return [];
    const rows: { id: string; due_at: Date }[] = await this.db(tx).query("SELECT id, due_at FROM sms_messages WHERE invite_id IN (?) AND status = 'queued'", [inviteIds]);
    return rows.map((m) => ({ id: m.id, dueAt: new Date(m.due_at) }));
  }

  /** The messages of these invites: per invite the invite SMS first, then the reminder. */
  async progressOf(inviteIds: string[]): Promise<SmsProgress[]> {
    if (!inviteIds.length) return [];
    const rows: { invite_id: string; kind: SmsKind; status: SmsStatus; attempts: number; error_code: string | null; error_message: string | null; accepted_at: Date | null; reported_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT invite_id, kind, status, attempts, error_code, error_message, accepted_at, reported_at FROM sms_messages WHERE invite_id IN (?) ORDER BY invite_id, kind = 'reminder', queued_at`,
        [inviteIds],
      );
    return rows.map((m) => ({
      inviteId: m.invite_id, kind: m.kind, status: m.status, attempts: Number(m.attempts), errorCode: m.error_code, errorMessage: m.error_message,
      acceptedAt: m.accepted_at ? new Date(m.accepted_at) : null, reportedAt: m.reported_at ? new Date(m.reported_at) : null,
    }));
  }

  /**
   * A delivery receipt: the accepted message with this provider id (and, when given, sent to the
   * phone of this blind index) becomes delivered or undelivered. False when no such accepted message exists.
   */
  async recordReceipt(
    provider: string, providerMessageId: string, phoneIndex: string | null,
    outcome: { delivered: boolean; code: string | null; message: string | null }, at: Date,
  ): Promise<boolean> {
    const result: { affectedRows: number } = await this.dataSource.query(
      `UPDATE sms_messages m JOIN rating_invites r ON r.id = m.invite_id
       SET m.status = ?, m.reported_at = ?, m.error_code = ?, m.error_message = ?
       WHERE m.provider = ? AND m.provider_message_id = ? AND m.status = 'accepted' ${phoneIndex ? 'AND r.phone_index = ?' : ''}`,
      [outcome.delivered ? 'delivered' : 'undelivered', at, outcome.delivered ? null : outcome.code, outcome.delivered ? null : outcome.message,
        provider, providerMessageId, ...(phoneIndex ? [phoneIndex] : [])],
    );
    return result.affectedRows > 0;
  }

  /** A failed attempt of a message still queued (it will be retried). */
  async recordAttempt(id: string, attempts: number, error: { code: string; message: string | null }): Promise<void> {
    await this.dataSource.query("UPDATE sms_messages SET attempts = ?, error_code = ?, error_message = ? WHERE id = ? AND status = 'queued'", [
      attempts, error.code, error.message, id,
    ]);
  }

  /** Closes a message still queued: failed for good, or skipped (a reminder not needed). */
  async close(id: string, status: 'failed' | 'skipped', attempts: number, why: { code: string; message: string | null }, at: Date): Promise<void> {
    await this.dataSource.query("UPDATE sms_messages SET status = ?, attempts = ?, error_code = ?, error_message = ?, closed_at = ? WHERE id = ? AND status = 'queued'", [
      status, attempts, why.code, why.message, at, id,
    ]);
  }

  /** The status of an invite's first SMS (the invite itself); null when it has none. */
  async inviteSmsStatus(inviteId: string): Promise<SmsStatus | null> {
    const [row]: { status: SmsStatus }[] = await this.dataSource.query("SELECT status FROM sms_messages WHERE invite_id = ? AND kind = 'invite'", [inviteId]);
    return row?.status ?? null;
  }

  /**
   * The messages with their invites and agencies in one statement, a row per agency in order;
   * `agencyName` is the registry's column expression naming the agency of `ria.agency_id`.
   */
  async sending(ids: string[], agencyName: string): Promise<SendingRow[]> {
    const rows: { id: string; invite_id: string; kind: SmsKind; status: SmsStatus; mode: SmsMode; code_seq: number; phone_cipher: string | null; error_code: string | null; expires_at: Date; inspection_date: string; inspection_id: string; name: string | null }[] =
      await this.dataSource.query(
        `SELECT m.id, m.invite_id, m.kind, m.status, r.mode, r.code_seq, r.phone_cipher, m.error_code, r.expires_at, r.inspection_date, ria.inspection_id, ${agencyName} AS name
         FROM sms_messages m JOIN rating_invites r ON r.id = m.invite_id JOIN rating_invite_agencies ria ON ria.invite_id = m.invite_id
         WHERE m.id IN (?) ORDER BY m.id, ria.position`,
        [ids],
      );
    return rows.map((r) => ({
      id: r.id, inviteId: r.invite_id, kind: r.kind, status: r.status, mode: r.mode, codeSeq: Number(r.code_seq), phoneCipher: r.phone_cipher, errorCode: r.error_code,
      expiresAt: new Date(r.expires_at), inspectionDate: r.inspection_date, inspectionId: r.inspection_id, agencyName: r.name,
    }));
  }

  /** Locks those of these messages still queued, for the caller's transaction; answers their ids. */
  async lockQueued(ids: string[], tx: Tx): Promise<Set<string>> {
    const rows: { id: string }[] = await tx.query("SELECT id FROM sms_messages WHERE id IN (?) AND status = 'queued' FOR UPDATE", [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Marks queued messages accepted by the provider, with each one's provider id and attempts, in one
   * statement; answers how many changed (fewer than given when one was no longer queued).
   */
  async markAccepted(accepted: { id: string; providerMessageId: string | null; attempts: number }[], at: Date, tx: Tx): Promise<number> {
    const cases = (pick: (a: (typeof accepted)[number]) => unknown) => ({ sql: `CASE id ${accepted.map(() => 'WHEN ? THEN ?').join(' ')} END`, params: accepted.flatMap((a) => [a.id, pick(a)]) });
    const providerIds = cases((a) => a.providerMessageId);
    const attempts = cases((a) => a.attempts);
    const updated: { affectedRows: number } = await tx.query(
      `UPDATE sms_messages SET status = 'accepted', accepted_at = ?, error_code = NULL, error_message = NULL,
         provider_message_id = ${providerIds.sql}, attempts = ${attempts.sql} WHERE id IN (?) AND status = 'queued'`,
      [at, ...providerIds.params, ...attempts.params, accepted.map((a) => a.id)],
    );
    return updated.affectedRows;
  }
}
