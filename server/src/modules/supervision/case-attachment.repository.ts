import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** An attachment of a flagged case, without its content. */
export interface AttachmentRecord {
  id: string;
  caseId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** The actor who added it. */
  uploadedBy: string;
  at: Date;
}

/** Statements on `flagged_case_attachments`: files added to a case while it is investigated or answered. */
@Injectable()
export class CaseAttachmentRepository extends BaseRepository {
  async insert(attachment: AttachmentRecord & { content: Buffer }, tx: Tx): Promise<void> {
    const a = attachment;
    await tx.query('INSERT INTO flagged_case_attachments (id, case_id, name, mime, size, sha256, content, uploaded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      a.id, a.caseId, a.name, a.mime, a.size, a.sha256, a.content, a.uploadedBy, a.at,
    ]);
  }

  /** A case's attachments in the order they were added. */
  async ofCase(caseId: string): Promise<AttachmentRecord[]> {
    const rows: { id: string; case_id: string; name: string; mime: string; size: number; sha256: string; uploaded_by: string; at: Date }[] = await this.dataSource.query(
      'SELECT id, case_id, name, mime, size, sha256, uploaded_by, at FROM flagged_case_attachments WHERE case_id = ? ORDER BY at, id', [caseId]);
    return rows.map((r) => ({ id: r.id, caseId: r.case_id, name: r.name, mime: r.mime, size: r.size, sha256: r.sha256, uploadedBy: r.uploaded_by, at: new Date(r.at) }));
  }

  /** One attachment of a case with its content; null when the case has no such attachment. */
  async file(caseId: string, id: string): Promise<{ name: string; mime: string; content: Buffer } | null> {
    const [row]: { name: string; mime: string; content: Buffer }[] = await this.dataSource.query(
      'SELECT name, mime, content FROM flagged_case_attachments WHERE id = ? AND case_id = ?', [id, caseId]);
    return row ? { name: row.name, mime: row.mime, content: row.content } : null;
  }
}
