import type { PenaltyCaseAction, PenaltyStage } from '@mashang/shared';

const BY_STAGE: Record<PenaltyStage, PenaltyCaseAction[]> = {
  filed: ['notice', 'change-cause', 'coerce', 'revoke'],
  notified: ['decide', 'change-cause', 'coerce', 'revoke'],
  review: ['coerce'],
  decided: ['close'],
  closed: [],
  revoked: [],
};

/**
 * What a user may do to a case at its stage: only its agency's officers and admins act on it;
 * supervisors and discipline read (reviewers decide legal reviews through the review queue).
 */
export function penaltyCaseActions(stage: PenaltyStage, actsForAgency: boolean): PenaltyCaseAction[] {
  return actsForAgency ? [...BY_STAGE[stage]] : [];
}
