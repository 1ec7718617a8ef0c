import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import { PhoneColumn } from '../../infra/database/phone-columns.js';

export interface StoredComplaint {
  id: string;
  channel: 'portal' | 'public' | 'hotline';
  ticketNo: string | null;
  creditCode: string;
  phoneCipher: string;
  phoneIndex: string;
  contactRegistered: boolean;
  content: string;
  inspectionId: string | null;
  agencyId: string | null;
  receivedAt: Date;
  deadline: string;
  flaggedCaseId: string;
  actor: string;
  outcomeSentAt: Date | null;
}

const COLUMNS = 'id, channel, ticket_no, credit_code, phone_cipher, phone_index, contact_registered, content, inspection_id, agency_id, received_at, deadline, flagged_case_id, actor, outcome_sent_at';
const toComplaint = (r: Record<string, any>): StoredComplaint => ({
  id: r.id, channel: r.channel, ticketNo: r.ticket_no, creditCode: r.credit_code, phoneCipher: r.phone_cipher, phoneIndex: r.phone_index,
  contactRegistered: !!r.contact_registered, content: r.content, inspectionId: r.inspection_id, agencyId: r.agency_id, receivedAt: new Date(r.received_at),
  deadline: r.deadline, flaggedCaseId: r.flagged_case_id, actor: r.actor, outcomeSentAt: r.outcome_sent_at ? new Date(r.outcome_sent_at) : null,
});

/** Statements on `complaints`. */
@Injectable()
export class ComplaintRepository extends BaseRepository {
  async insertMany(complaints: StoredComplaint[], tx: Tx): Promise<void> {
    if (!complaints.length) return;
    await tx.query(`INSERT INTO complaints (${COLUMNS}) VALUES ?`, [complaints.map((c) => [
      c.id, c.channel, c.ticketNo, c.creditCode, c.phoneCipher, c.phoneIndex, c.contactRegistered ? 1 : 0, c.content, c.inspectionId, c.agencyId,
      c.receivedAt, c.deadline, c.flaggedCaseId, c.actor, c.outcomeSentAt,
    ])]);
  }

  /** An enterprise's complaints, newest first (at most `limit`). */
  async ofEnterprise(creditCode: string, limit: number): Promise<StoredComplaint[]> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM complaints WHERE credit_code = ? ORDER BY received_at DESC, id DESC LIMIT ?`, [creditCode, limit]);
    return rows.map(toComplaint);
  }

  async byFlaggedCase(caseId: string, tx?: Tx): Promise<StoredComplaint | null> {
    const [row] = await this.db(tx).query(`SELECT ${COLUMNS} FROM complaints WHERE flagged_case_id = ?`, [caseId]);
    return row ? toComplaint(row) : null;
  }

  /** The tickets of these numbers imported before, with their cases. */
  async ticketsImported(ticketNos: string[], tx?: Tx): Promise<Map<string, string>> {
    if (!ticketNos.length) return new Map();
    const rows: { ticket_no: string; flagged_case_id: string }[] = await this.db(tx).query(
      'SELECT ticket_no, flagged_case_id FROM complaints WHERE ticket_no IN (?)', [ticketNos]);
    return new Map(rows.map((r) => [r.ticket_no, r.flagged_case_id]));
  }

  /** Marks the outcome sent; false when it was marked already (another run sent it). */
  async markOutcomeSent(id: string, at: Date, tx: Tx): Promise<boolean> {
    const result: { affectedRows: number } = await tx.query('UPDATE complaints SET outcome_sent_at = ? WHERE id = ? AND outcome_sent_at IS NULL', [at, id]);
    return result.affectedRows === 1;
  }

  /** The complaints' contact phones, for `rotate-phones`. */
  phoneColumn(): PhoneColumn {
    return new PhoneColumn(this.dataSource, { table: 'complaints', key: 'id', indexed: true });
  }
}
