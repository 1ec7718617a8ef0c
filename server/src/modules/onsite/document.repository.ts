import { Injectable } from '@nestjs/common';
import type { DocumentKind } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';
import { insertedOnce } from './client-key.js';

/** A document of an inspection as recorded; its file is in document storage under `storageKey`. */
export interface StoredDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  docNo: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
}

interface DocumentRow {
  id: string;
  kind: DocumentKind;
  title: string;
  doc_no: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
}

const COLUMNS = 'id, kind, title, doc_no, file_name, content_type, size_bytes, sha256, uploaded_at';
const storedOf = (d: DocumentRow): StoredDocument => ({
  id: d.id, kind: d.kind, title: d.title, docNo: d.doc_no, fileName: d.file_name, contentType: d.content_type,
  sizeBytes: Number(d.size_bytes), sha256: d.sha256, uploadedAt: new Date(d.uploaded_at),
});

/** Every statement on `inspection_documents`. */
@Injectable()
export class DocumentRepository extends BaseRepository {
  /** Records one document; false when its idempotency key is recorded already. */
  insertOnce(planId: string, document: StoredDocument & { storageKey: string; uploadedBy: number; clientKey: string }, tx: Tx): Promise<boolean> {
    const d = document;
    return insertedOnce(() => tx.query(
      `INSERT INTO inspection_documents (id, plan_id, kind, doc_no, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at, client_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.id, planId, d.kind, d.docNo, d.title, d.fileName, d.contentType, d.sizeBytes, d.sha256, d.storageKey, d.uploadedBy, d.uploadedAt, d.clientKey]));
  }

  async hasKey(userId: number, clientKey: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT 1 AS x FROM inspection_documents WHERE uploaded_by = ? AND client_key = ?', [userId, clientKey]);
    return rows.length > 0;
  }

  async find(id: string, tx?: Tx): Promise<StoredDocument | null> {
    const [row]: DocumentRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM inspection_documents WHERE id = ?`, [id]);
    return row ? storedOf(row) : null;
  }

  /** A plan's documents in the order they were uploaded. */
  async ofPlan(planId: string, tx?: Tx): Promise<StoredDocument[]> {
    const rows: DocumentRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM inspection_documents WHERE plan_id = ? ORDER BY uploaded_at, id`, [planId]);
    return rows.map(storedOf);
  }

  async countOf(planId: string, tx?: Tx): Promise<number> {
    const [row]: { n: number }[] = await this.db(tx).query('SELECT COUNT(*) AS n FROM inspection_documents WHERE plan_id = ?', [planId]);
    return Number(row.n);
  }

  /** Where a document's file is and what it is, with the plan it belongs to; null for an unknown id. */
  async fileOf(id: string, tx?: Tx): Promise<{ planId: string; storageKey: string; contentType: string; fileName: string; sizeBytes: number } | null> {
    const [row]: { plan_id: string; storage_key: string; content_type: string; file_name: string; size_bytes: number }[] = await this.db(tx).query(
      'SELECT plan_id, storage_key, content_type, file_name, size_bytes FROM inspection_documents WHERE id = ?', [id]);
    return row ? { planId: row.plan_id, storageKey: row.storage_key, contentType: row.content_type, fileName: row.file_name, sizeBytes: row.size_bytes } : null;
  }
}
