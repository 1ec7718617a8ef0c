import { coerciveDue, extensionRefusal } from './coercive-term.js';
import { decisionRefusals, type DecisionState } from './decision-readiness.js';
import { majorDecisionReasons } from './major-decision.js';
import { endOfDayAfter, noticePeriods } from './notice-periods.js';
import { penaltyCaseActions } from './penalty-actions.js';

const PERIODS = { statementDays: 3, hearingRequestDays: 5, hearingMinFine: 10_000_000 };

describe('notice periods', () => {
  it('end at midnight Asia/Shanghai N days after the notice day', () => {
    // 2026-12-06 23:30 Shanghai is 15:30 UTC; three days later ends at 2026-12-10 00:00 Shanghai.
    expect(endOfDayAfter(new Date('2026-12-06T15:30:00Z'), 3).toISOString()).toBe('2026-12-09T16:00:00.000Z');
    // 2026-12-07 00:30 Shanghai (16:30 UTC on the 6th) is the next day: one day later.
    expect(endOfDayAfter(new Date('2026-12-06T16:30:00Z'), 3).toISOString()).toBe('2026-12-10T16:00:00.000Z');
  });

  it('open a hearing request only at or above the threshold, or for a licence revoked or a closure', () => {
    const at = new Date('2026-12-01T02:00:00Z');
    expect(noticePeriods(at, { fine: 9_999_999, severeMeasure: false }, PERIODS).hearingUntil).toBeNull();
    expect(noticePeriods(at, { fine: 10_000_000, severeMeasure: false }, PERIODS).hearingUntil?.toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(noticePeriods(at, { fine: 0, severeMeasure: true }, PERIODS).hearingUntil).not.toBeNull();
    expect(noticePeriods(at, { fine: 0, severeMeasure: false }, PERIODS).statementUntil.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });
});

describe('major decisions', () => {
  it('name every reason, and none below the threshold without measures or hearing', () => {
    expect(majorDecisionReasons({ fine: 4_999_999, measures: [], hearingHeld: false }, 5_000_000)).toEqual([]);
    expect(majorDecisionReasons({ fine: 5_000_000, measures: [], hearingHeld: false }, 5_000_000)).toEqual(['fine']);
    expect(majorDecisionReasons({ fine: 0, measures: ['order-closure', 'revoke-licence'], hearingHeld: true }, 5_000_000)).toEqual(['revoke-licence', 'order-closure', 'hearing']);
  });
});

describe('decision readiness', () => {
  const ready: DecisionState = {
    now: new Date('2026-12-10T00:00:00Z'), statementUntil: new Date('2026-12-09T16:00:00Z'), statementMade: false,
    hearingRequested: false, hearingHeld: false, fineWithinRange: true, outsideRangeReason: null,
  };

  it('lets a decision through once the period is over and nothing is pending', () => {
    expect(decisionRefusals(ready)).toEqual([]);
  });

  it('waits for the statement period unless the party has spoken', () => {
    const early = { ...ready, now: new Date('2026-12-09T15:59:59Z') };
    expect(decisionRefusals(early).map((r) => r.rule)).toEqual(['statement-period']);
    expect(decisionRefusals({ ...early, statementMade: true })).toEqual([]);
  });

  it('waits for a requested hearing, and wants a reason for a fine outside the range', () => {
    expect(decisionRefusals({ ...ready, hearingRequested: true }).map((r) => r.rule)).toEqual(['hearing-pending']);
    expect(decisionRefusals({ ...ready, hearingRequested: true, hearingHeld: true })).toEqual([]);
    expect(decisionRefusals({ ...ready, fineWithinRange: false, outsideRangeReason: '  ' }).map((r) => r.rule)).toEqual(['outside-range']);
    expect(decisionRefusals({ ...ready, fineWithinRange: false, outsideRangeReason: '当事人多次违法' })).toEqual([]);
  });
});

describe('coercive measures', () => {
  const started = new Date('2026-12-01T02:00:00Z');
  it('last their term and may be extended once while in force', () => {
    const due = coerciveDue(started, 30);
    expect(due.toISOString()).toBe('2026-12-31T02:00:00.000Z');
    expect(extensionRefusal({ releasedAt: null, extendedAt: null, dueAt: due }, new Date('2026-12-30T00:00:00Z'))).toBeNull();
    expect(extensionRefusal({ releasedAt: null, extendedAt: new Date(), dueAt: due }, new Date('2026-12-30T00:00:00Z'))).toBe('already-extended');
    expect(extensionRefusal({ releasedAt: new Date(), extendedAt: null, dueAt: due }, new Date('2026-12-30T00:00:00Z'))).toBe('released');
    expect(extensionRefusal({ releasedAt: null, extendedAt: null, dueAt: due }, due)).toBe('lapsed');
  });
});

describe('penalty case actions', () => {
  it('follow the stage for the case agency and are none for anyone else', () => {
    expect(penaltyCaseActions('filed', true)).toEqual(['notice', 'change-cause', 'coerce', 'revoke']);
    expect(penaltyCaseActions('notified', true)).toContain('decide');
    expect(penaltyCaseActions('review', true)).not.toContain('decide');
    expect(penaltyCaseActions('decided', true)).toEqual(['close']);
    expect(penaltyCaseActions('closed', true)).toEqual([]);
    expect(penaltyCaseActions('notified', false)).toEqual([]);
  });
});
