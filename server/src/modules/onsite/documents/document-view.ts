import type { OnsiteDocumentView } from '@mashang/shared';
import type { StoredDocument } from '../document.repository.js';

export function documentView(d: StoredDocument): OnsiteDocumentView {
  return { id: d.id, kind: d.kind, title: d.title, docNo: d.docNo, fileName: d.fileName, contentType: d.contentType, sizeBytes: d.sizeBytes, sha256: d.sha256, uploadedAt: d.uploadedAt.toISOString() };
}
