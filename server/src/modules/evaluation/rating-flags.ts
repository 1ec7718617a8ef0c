import { RATING_DIMENSION_LABELS, RATING_DIMENSIONS, RATING_PROBLEM_LABELS, type PoorRatingRule, type RatingInput } from '@mashang/shared';

/** A dimension scored this low or lower is a poor rating. */
export const POOR_SCORE = 2;

export interface PoorRating {
  /** The strongest reason: disapprove, then low-score, then problems. */
  rule: PoorRatingRule;
  severity: 'medium' | 'high';
  /** Every reason, in plain words, for the supervisor. */
  reasons: string[];
}

/**
 * Whether a rating must go to the supervisor: a disapproval, any dimension scored 2 or lower, or
 * any problem ticked. A disapproval is high severity; the others medium.
 */
export function poorRating(rating: Pick<RatingInput, 'language' | 'procedure' | 'manner' | 'fairness' | 'verdict' | 'flags'>): PoorRating | null {
  const reasons: string[] = [];
  if (rating.verdict === 'disapprove') reasons.push('企业不认可本次检查');
  const low = RATING_DIMENSIONS.filter((d) => rating[d] <= POOR_SCORE);
  for (const d of low) reasons.push(`${RATING_DIMENSION_LABELS[d]}：${rating[d]}分`);
  for (const flag of rating.flags) reasons.push(`企业反映：${RATING_PROBLEM_LABELS[flag]}`);
  if (!reasons.length) return null;
  const rule = rating.verdict === 'disapprove' ? 'disapprove' : low.length ? 'low-score' : 'problems';
  return { rule, severity: rule === 'disapprove' ? 'high' : 'medium', reasons };
}

/** The flagged case of one agency's poor rating in one inspection: raised once, found again by the enterprise's outcome page. */
export function ratingDedupeKey(inspectionId: string, agencyId: string): string {
  return `rating:${inspectionId}:${agencyId}`;
}
