import { Role, type SessionUser } from '@mashang/shared';
import type { PlanMatchRow } from '../../plans/index.js';
import type { CheckInDto } from '../dto/onsite.dto.js';
import { admitInBatch, arrivalsToMark, checkinWrite, matchRowsByCheckIn, trailTails, type Admitted, type CheckinAttempt } from './check-in-matching.js';

const SHOP = '92410202MA0004016A';
const OTHER = '91410202MA0004027X';
const DAY = '2026-11-21';
const AT = new Date('2026-11-21T02:00:00Z');
const OFFICER: SessionUser = { id: 7, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const NAMES = new Map([[SHOP, '老王烩面馆'], [OTHER, '建材厂']]);

const row = (over: Partial<PlanMatchRow> = {}): PlanMatchRow => ({
  id: 'P1', code: 'JH1', credit_code: SHOP, agency_id: 'A1', lead_plan_id: 'P1', inspection_date: DAY, trigger_type: 'planned', kind: 'inspection',
  filed_at: new Date('2026-11-10T00:00:00Z'), finished_at: null, checked_in_at: null, code_due_at: null,
  officer_id: 'O1', expires_at: new Date('2026-11-22T16:00:00Z'), trail_tail: '3 abc', ...over,
});
const attempt = (over: Partial<CheckinAttempt> = {}, input: Partial<CheckInDto> = {}): CheckinAttempt => ({
  user: OFFICER, officerId: 'O1', input: { creditCode: SHOP, clientKey: 'key-00000001', ...input } as CheckInDto, at: AT, day: DAY, now: AT, ...over,
});

describe('splitting a match read per check-in', () => {
  it('keeps the plans within ±7 days of the check-in, once per plan and code, marked whether its officer is on it, by filing', () => {
    const rows = [
      row({ id: 'P2', lead_plan_id: 'P2', filed_at: new Date('2026-11-12T00:00:00Z'), officer_id: null }),
      row({ officer_id: 'O9' }),
      row(),
      row({ id: 'P3', inspection_date: '2026-11-29' }),
      row({ id: 'P4', credit_code: OTHER }),
    ];
    const mine = matchRowsByCheckIn(rows, NAMES)('O1', SHOP, DAY);
    expect(mine.map((r) => [r.id, r.on_plan, r.name])).toEqual([['P1', 1, '老王烩面馆'], ['P2', 0, '老王烩面馆']]);
  });

  it('has no plans for an enterprise without a name in the register', () => {
    expect(matchRowsByCheckIn([row()], new Map())('O1', SHOP, DAY)).toEqual([]);
  });

  it('reads the trails\' tails, once per plan, none for an empty trail', () => {
    expect(trailTails([row(), row({ officer_id: null }), row({ id: 'P2', trail_tail: null })])).toEqual([{ inspection_id: 'P1', seq: 3, hash: 'abc' }]);
  });
});

describe('a batch\'s judgment of one check-in', () => {
  const judge = (rows: PlanMatchRow[], a = attempt(), certExpires: string | null = null) => admitInBatch(a, matchRowsByCheckIn(rows, NAMES)(a.officerId, a.input.creditCode, a.day), certExpires, 24);

  it('admits the officer\'s coded plan of the day', () => {
    expect(judge([row()])).toMatchObject({ plan: { planId: 'P1', planCode: 'JH1', enterpriseName: '老王烩面馆' }, dueAt: null });
  });

  it('leaves an officer whose certificate has expired to be judged alone, where the refusal names it', () => {
    expect(judge([row()], attempt(), '2026-01-31')).toBeNull();
  });

  it('leaves refusals and lock-outs to be judged alone', () => {
    expect(judge([row({ officer_id: null })])).toBeNull();
    expect(judge([row({ expires_at: null })])).toBeNull();
    expect(judge([row(), row({ id: 'P9', agency_id: 'A2', lead_plan_id: 'P9', inspection_date: '2026-11-19' })])).toBeNull();
  });

  it('opens the late-code deadline of an emergency without a code', () => {
    expect(judge([row({ trigger_type: 'emergency', expires_at: null })])?.dueAt).toEqual(new Date(AT.getTime() + 24 * 3_600_000));
  });
});

describe('what an admitted check-in writes', () => {
  const admitted = (over: Partial<Admitted['plan']> = {}, dueAt: Date | null = null): Admitted => ({
    plan: { planId: 'P1', planCode: 'JH1', creditCode: SHOP, enterpriseName: '老王烩面馆', trigger: 'planned', officerOnPlan: true, finished: false, code: null, checkedInAt: null, codeDueAt: null, ...over },
    dueAt,
  });

  it('records the check-in and its trail entry, with the location and an offline time', () => {
    const write = checkinWrite(attempt({ now: new Date(AT.getTime() + 60_000) }, { at: AT.toISOString(), latitude: 34.6, longitude: 112.4 }), admitted());
    expect(write.checkin).toMatchObject({ planId: 'P1', officerId: 'O1', userId: 7, at: AT, latitude: 34.6, longitude: 112.4, clientKey: 'key-00000001' });
    expect(write.trail).toMatchObject({ inspectionId: 'P1', kind: 'checked-in', actor: 'user:7:officer1', detail: { offline: true, location: { latitude: 34.6, longitude: 112.4 } } });
    expect(write.deadline).toBeNull();
  });

  it('opens the deadline job of an emergency without a code on its first check-in only', () => {
    const dueAt = new Date(AT.getTime() + 24 * 3_600_000);
    expect(checkinWrite(attempt(), admitted({ trigger: 'emergency' }, dueAt)).deadline).toEqual({ planId: 'P1', checkedInAt: AT.toISOString(), deadline: dueAt.toISOString() });
    // A second officer after the first: the deadline is open already, and so is its job.
    expect(checkinWrite(attempt(), admitted({ trigger: 'emergency', checkedInAt: AT, codeDueAt: dueAt }, dueAt)).deadline).toBeNull();
  });

  it('marks each plan once, with its first arrival, and only plans whose marks change', () => {
    const early = checkinWrite(attempt({ at: new Date(AT.getTime() - 60_000) }), admitted());
    const late = checkinWrite(attempt(), admitted());
    const known = checkinWrite(attempt(), admitted({ planId: 'P2', checkedInAt: AT }));
    const marks = arrivalsToMark([admitted(), admitted(), admitted({ planId: 'P2', checkedInAt: AT }), null], [late, early, known]);
    expect(marks).toEqual([{ planId: 'P1', at: early.checkin.at, codeDueAt: null }]);
  });

  it('marks a plan arrived at already when a check-in opens its late-code deadline', () => {
    const dueAt = new Date(AT.getTime() + 24 * 3_600_000);
    const write = checkinWrite(attempt(), admitted({ checkedInAt: AT }, dueAt));
    expect(arrivalsToMark([admitted({ checkedInAt: AT }, dueAt)], [write])).toEqual([{ planId: 'P1', at: AT, codeDueAt: dueAt }]);
  });
});
