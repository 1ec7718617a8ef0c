import { Injectable } from '@nestjs/common';
import type { DocumentKind, OnsiteDocumentView } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

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

/** Statements on `inspection_documents`: the documents officers upload on site (their files sit in document storage). */
@Injectable()
export class DocumentRepository extends BaseRepository {
  /** One plan's (and so one inspection record's) documents, in upload order. */
  async ofPlan(planId: string, tx?: Tx): Promise<OnsiteDocumentView[]> {
    const rows: DocumentRow[] = await this.db(tx).query(
      'SELECT id, kind, title, doc_no, file_name, content_type, size_bytes, sha256, uploaded_at FROM inspection_documents WHERE plan_id = ? ORDER BY uploaded_at, id',
      [planId],
    );
    return rows.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      docNo: d.doc_no,
      fileName: d.file_name,
      contentType: d.content_type,
      sizeBytes: d.size_bytes,
      sha256: d.sha256,
      uploadedAt: new Date(d.uploaded_at).toISOString(),
    }));
  }
}
