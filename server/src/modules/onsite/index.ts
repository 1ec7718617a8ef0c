/**
 * onsite/ — the officer's on-site workflow: check-in and scan-out, findings, documents, finishing.
 * Owns: checkins, findings, inspection_documents, rectification_checks (整改复查).
 */
export { OnsiteModule } from './onsite.module.js';
export { DocumentRepository } from './document.repository.js';
// Findings as recorded (with their 三色), for the enterprise's own history.
export { FindingRepository, type RecordedFinding } from './finding.repository.js';
export { documentView } from './documents/document-view.js';
// The enterprise's view of a trail (by its inspection code, and on its own page in the port).
export { publicTrail, type ActingStaff } from './trail-access/public-trail.js';
// Files sent by others than officers (an off-site check's evidence) are checked and kept the same way.
export { DOCUMENT_STORAGE, type DocumentStorage } from './documents/document-storage.js';
export { multipartFile, type IncomingFile } from './documents/multipart-file.js';
export { receiveUpload } from './documents/receive-upload.js';
