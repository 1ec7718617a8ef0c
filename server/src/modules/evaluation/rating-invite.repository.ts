import { Injectable } from '@nestjs/common';
import type { SmsMode } from '@mashang/shared';
import type { Paging } from '../../infra/database/entity-table.js';
import { PhoneColumn } from '../../infra/database/phone-columns.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

const DUPLICATE_ENTRY = 'ER_DUP_ENTRY';

/** A rating invite as stored: the link and code only as their look-up hashes. */
export interface NewInvite {
  id: string;
  groupId: string;
  creditCode: string;
  phoneCipher: string | null;
  /** The phone's blind index, for delivery receipts. */
  phoneIndex: string | null;
  mode: SmsMode;
  tokenHash: string;
  codeHash: string | null;
  codeSeq: number;
  inspectionDate: string;
  createdAt: Date;
  expiresAt: Date;
}

/** What a link or code opens. */
export interface OpenedInvite {
  id: string;
  creditCode: string;
  inspectionDate: string;
  expiresAt: Date;
}

/** An invite in the agencies' list. */
export interface ListedInvite {
  id: string;
  groupId: string;
  creditCode: string;
  phoneCipher: string | null;
  mode: SmsMode;
  createdAt: Date;
  expiresAt: Date;
}

/** One agency an invite asks about: its inspection record, and whether it is rated yet. */
export interface InvitedAgency {
  inviteId: string;
  inspectionId: string;
  agencyId: string;
  rated: boolean;
}

/** A subquery limiting `invite` (an invite id column) to invites that ask about `agencyId`. */
function inviteOfAgency(invite: string): string {
  return `EXISTS (SELECT 1 FROM rating_invite_agencies x WHERE x.invite_id = ${invite} AND x.agency_id = ?)`;
}

/** Statements on `rating_invites` and `rating_invite_agencies`: one invite per finished inspection, and the agencies it asks about. */
@Injectable()
export class RatingInviteRepository extends BaseRepository {
  /** The invites already made for these inspection groups. */
  async byGroups(groupIds: string[], tx?: Tx): Promise<{ id: string; groupId: string }[]> {
    if (!groupIds.length) return [];
    const rows: { id: string; group_id: string }[] = await this.db(tx).query('SELECT id, group_id FROM rating_invites WHERE group_id IN (?)', [groupIds]);
    return rows.map((r) => ({ id: r.id, groupId: r.group_id }));
  }

  /**
   * Inserts the invites in one statement inside the caller's transaction; false, and nothing inserted,
   * when a rating code collides with another invite's (the caller derives the next code and retries).
   */
  async tryInsert(invites: NewInvite[], tx: Tx): Promise<boolean> {
    await tx.query('SAVEPOINT invites');
    try {
      await tx.query(
        'INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, phone_index, mode, token_hash, code_hash, code_seq, inspection_date, created_at, expires_at) VALUES ?',
        [invites.map((i) => [i.id, i.groupId, i.creditCode, i.phoneCipher, i.phoneIndex, i.mode, i.tokenHash, i.codeHash, i.codeSeq, i.inspectionDate, i.createdAt, i.expiresAt])],
      );
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== DUPLICATE_ENTRY || !/uq_rating_invites_code/.test((error as Error).message)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT invites');
      return false;
    }
  }

  /** The agencies each new invite asks about, the lead agency at position 0. */
  async insertAgencies(agencies: { inviteId: string; inspectionId: string; agencyId: string; position: number }[], tx: Tx): Promise<void> {
    if (!agencies.length) return;
    await tx.query('INSERT INTO rating_invite_agencies (invite_id, inspection_id, agency_id, position) VALUES ?', [
      agencies.map((a) => [a.inviteId, a.inspectionId, a.agencyId, a.position]),
    ]);
  }

  /** The invite whose link token (or rating code) hashes to `hash`. */
  async opened(by: 'link' | 'code', hash: string, tx?: Tx): Promise<OpenedInvite | null> {
    const column = by === 'link' ? 'token_hash' : 'code_hash';
    const [row]: { id: string; credit_code: string; inspection_date: string; expires_at: Date }[] = await this.db(tx).query(
      `SELECT id, credit_code, inspection_date, expires_at FROM rating_invites WHERE ${column} = ?`, [hash]);
    return row ? { id: row.id, creditCode: row.credit_code, inspectionDate: row.inspection_date, expiresAt: new Date(row.expires_at) } : null;
  }

  /** The agencies these invites ask about, per invite lead first, each with whether it is rated yet. */
  async agencies(inviteIds: string[], tx?: Tx): Promise<InvitedAgency[]> {
    if (!inviteIds.length) return [];
    const rows: { invite_id: string; inspection_id: string; agency_id: string; rated: number }[] = await this.db(tx).query(
      `SELECT ria.invite_id, ria.inspection_id, ria.agency_id, r.inspection_id IS NOT NULL AS rated FROM rating_invite_agencies ria
       LEFT JOIN ratings r ON r.inspection_id = ria.inspection_id AND r.agency_id = ria.agency_id
       WHERE ria.invite_id IN (?) ORDER BY ria.invite_id, ria.position`,
      [inviteIds],
    );
    return rows.map((r) => ({ inviteId: r.invite_id, inspectionId: r.inspection_id, agencyId: r.agency_id, rated: Number(r.rated) === 1 }));
  }

  /** Locks an invite's agencies for the caller's transaction (lead first), so its ratings are recorded one submission at a time. */
  async lockAgencies(inviteId: string, tx: Tx): Promise<{ inspectionId: string; agencyId: string }[]> {
    const rows: { inspection_id: string; agency_id: string }[] = await tx.query(
      'SELECT inspection_id, agency_id FROM rating_invite_agencies WHERE invite_id = ? ORDER BY position FOR UPDATE', [inviteId]);
    return rows.map((r) => ({ inspectionId: r.inspection_id, agencyId: r.agency_id }));
  }

  /** How many of an invite's agencies are still unrated. */
  async unratedCount(inviteId: string, tx?: Tx): Promise<number> {
    const [row]: { n: number }[] = await this.db(tx).query(
      'SELECT COUNT(*) AS n FROM rating_invite_agencies ria LEFT JOIN ratings r ON r.inspection_id = ria.inspection_id AND r.agency_id = ria.agency_id WHERE ria.invite_id = ? AND r.inspection_id IS NULL',
      [inviteId],
    );
    return Number(row.n);
  }

  /** How many invites there are; of one agency's inspections, or all. */
  async count(agencyId: string | null): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM rating_invites r${agencyId === null ? '' : ` WHERE ${inviteOfAgency('r.id')}`}`, agencyId === null ? [] : [agencyId]);
    return Number(row.n);
  }

  /** One page of invites, newest first; of one agency's inspections, or all. */
  async page(agencyId: string | null, paging: Paging): Promise<ListedInvite[]> {
    const rows: { id: string; group_id: string; credit_code: string; phone_cipher: string | null; mode: SmsMode; created_at: Date; expires_at: Date }[] = await this.dataSource.query(
      `SELECT r.id, r.group_id, r.credit_code, r.phone_cipher, r.mode, r.created_at, r.expires_at FROM rating_invites r
       ${agencyId === null ? '' : `WHERE ${inviteOfAgency('r.id')}`} ORDER BY r.created_at DESC, r.id LIMIT ? OFFSET ?`,
      [...(agencyId === null ? [] : [agencyId]), paging.pageSize, (paging.page - 1) * paging.pageSize],
    );
    return rows.map((r) => ({
      id: r.id, groupId: r.group_id, creditCode: r.credit_code, phoneCipher: r.phone_cipher, mode: r.mode, createdAt: new Date(r.created_at), expiresAt: new Date(r.expires_at),
    }));
  }

  /** The invites' phones and blind indexes, for `rotate-phones`. */
  phoneColumn(): PhoneColumn {
    return new PhoneColumn(this.dataSource, { table: 'rating_invites', key: 'id', indexed: true });
  }
}
