/**
 * offsite/ — 非现场监管: an off-site plan's evidence asked of the enterprise (SMS link or its signed-in page),
 * its answers (photos, documents, readings), the officer's decision (accept: the check finishes like a
 * visit; ask again; convert to a visit), and the share of off-site checks per agency and month.
 * Owns: offsite_requests, offsite_request_asks, offsite_evidence.
 */
export { OffsiteModule } from './offsite.module.js';
export { OffsiteRequestRepository } from './offsite-request.repository.js';
