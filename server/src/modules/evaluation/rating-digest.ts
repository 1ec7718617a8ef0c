import { createHash, randomBytes } from 'node:crypto';
import { RATING_PROBLEMS, type RatingRecord } from '@mashang/shared';

/*
 * The `rated` trail entry carries a digest of the rating, not the rating: the rated agency reads its
 * trail. A plain hash would not hide it: four scores of 1–5, a verdict and a few ticks make some ten
 * thousand ratings without a comment, and the agency could hash them all. So each rating gets a
 * random 128-bit salt, kept with the rating (which only supervisors and discipline read): the digest
 * tells the agency nothing, and whoever holds the rating recomputes it to prove the rating is the one
 * the chain recorded. A salt per rating rather than a server key, so the proof outlives key changes.
 */

/** A fresh salt for a rating's digest: 16 random bytes, hex. */
export function newDigestSalt(): string {
  return randomBytes(16).toString('hex');
}

/** The rating as canonical JSON: fixed key order, problems in canonical order, an empty comment as null, the instant in ISO form. */
export function canonicalRating(rating: RatingRecord): string {
  return JSON.stringify({
    inspectionId: rating.inspectionId,
    agencyId: rating.agencyId,
    language: rating.language,
    procedure: rating.procedure,
    manner: rating.manner,
    fairness: rating.fairness,
    verdict: rating.verdict,
    flags: RATING_PROBLEMS.filter((p) => rating.flags.includes(p)),
    comment: rating.comment?.trim() || null,
    ratedAt: rating.ratedAt.toISOString(),
  });
}

/** SHA-256 over the salt and the canonical rating, hex: what the rating's trail entry records. */
export function ratingDigest(rating: RatingRecord, salt: string): string {
  return createHash('sha256').update(`${salt}\n${canonicalRating(rating)}`).digest('hex');
}
