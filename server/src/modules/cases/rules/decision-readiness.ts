import type { RuleRefusal } from '@mashang/shared';

export interface DecisionState {
  now: Date;
  statementUntil: Date;
  /** The party has made its statement (it may do so before the period ends). */
  statementMade: boolean;
  hearingRequested: boolean;
  hearingHeld: boolean;
  fineWithinRange: boolean;
  outsideRangeReason: string | null;
}

/**
 * What stands between a noticed case and its decision: the statement period still running (unless the
 * party has spoken), a requested hearing not yet held, a fine outside the benchmark's range without a
 * written reason.
 */
export function decisionRefusals(state: DecisionState): RuleRefusal[] {
  const refusals: RuleRefusal[] = [];
  if (state.now < state.statementUntil && !state.statementMade) {
    refusals.push({ rule: 'statement-period', message: '当事人陈述申辩期尚未届满', remedy: '期满后或当事人提出陈述申辩后再作出决定' });
  }
  if (state.hearingRequested && !state.hearingHeld) {
    refusals.push({ rule: 'hearing-pending', message: '当事人已申请听证，听证尚未举行', remedy: '举行听证后填写听证日期再作出决定' });
  }
  if (!state.fineWithinRange && !state.outsideRangeReason?.trim()) {
    refusals.push({ rule: 'outside-range', message: '罚款数额超出裁量基准的幅度', remedy: '调整罚款数额，或书面说明理由' });
  }
  return refusals;
}
