/**
 * onsite/ — the officer's on-site workflow: check-in and scan-out, findings, documents, finishing.
 * Owns: checkins, findings, inspection_documents.
 */
export { OnsiteModule } from './onsite.module.js';
export { DocumentRepository } from './document.repository.js';
export { documentView } from './documents/document-view.js';
