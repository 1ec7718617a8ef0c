import type { DecisionMeasure, MajorDecisionReason } from '@mashang/shared';

/**
 * Why a decision is major (重大执法决定) and must pass legal review before it is issued: a fine at or
 * above the threshold, a licence revoked, a closure ordered, or a hearing held. Empty: not major.
 */
export function majorDecisionReasons(decision: { fine: number; measures: readonly DecisionMeasure[]; hearingHeld: boolean }, majorMinFine: number): MajorDecisionReason[] {
  const reasons: MajorDecisionReason[] = [];
  if (decision.fine >= majorMinFine) reasons.push('fine');
  if (decision.measures.includes('revoke-licence')) reasons.push('revoke-licence');
  if (decision.measures.includes('order-closure')) reasons.push('order-closure');
  if (decision.hearingHeld) reasons.push('hearing');
  return reasons;
}
