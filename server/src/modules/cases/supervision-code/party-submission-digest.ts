import { createHash } from 'node:crypto';

/**
 * What a `party-submission` trail entry records of the submission: SHA-256 over it as canonical JSON.
 * The text stays in `party_submissions`; recomputing the digest from the row proves the row is the one
 * the chain recorded. No salt is needed: whoever reads the case's trail may read the submission too.
 */
export function submissionDigest(submission: { id: string; caseId: string; kind: string; text: string; at: Date }): string {
  const canonical = JSON.stringify({ id: submission.id, caseId: submission.caseId, kind: submission.kind, text: submission.text, at: submission.at.toISOString() });
  return createHash('sha256').update(canonical).digest('hex');
}
