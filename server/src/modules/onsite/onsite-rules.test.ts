import { inspectionResult, lockingGroup, matchCheckIn, offlineTimeProblem, unrecordedItems, type CheckInCandidate } from './onsite-rules.js';

const NOW = new Date('2026-11-21T02:00:00Z');
const SHOP = '92410202MA0004016A';
const OTHER = '91410202MA0004027X';
const plan = (over: Partial<CheckInCandidate> = {}): CheckInCandidate => ({
  planId: 'P1', creditCode: SHOP, enterpriseName: '老王烩面馆', trigger: 'planned', officerOnPlan: true, finished: false,
  code: { expiresAt: new Date('2026-11-22T16:00:00Z') }, ...over,
});
const rule = (candidates: CheckInCandidate[], extra: { lockedBy?: { agencyName: string; date: string }; at?: Date; certExpires?: string } = {}) => {
  const match = matchCheckIn({ creditCode: SHOP, at: extra.at ?? NOW, candidates, lockedBy: extra.lockedBy ?? null, certExpires: extra.certExpires ?? null });
  return 'refusal' in match ? match.refusal.rule : match;
};

describe('matchCheckIn (无计划、无码不得入企)', () => {
  it('matches the officer to a coded plan for the scanned enterprise', () => {
    expect(rule([plan()])).toEqual({ planId: 'P1', emergencyWithoutCode: false });
  });

  it('names the reason when it does not match', () => {
    expect(rule([])).toBe('no-plan');
    expect(rule([plan({ creditCode: OTHER })])).toBe('enterprise-differs');
    expect(rule([plan({ officerOnPlan: false })])).toBe('not-on-plan');
    expect(rule([plan({ officerOnPlan: false }), plan({ creditCode: OTHER, planId: 'P2' })])).toBe('not-on-plan');
    expect(rule([plan({ finished: true })])).toBe('already-finished');
    expect(rule([plan({ code: null })])).toBe('no-code');
  });

  it('refuses an officer whose certificate has expired: valid through its last day, Asia/Shanghai', () => {
    // 2026-11-21 00:00 in Shanghai is 2026-11-20T16:00Z.
    expect(rule([plan()], { at: new Date('2026-11-20T15:59:59.999Z'), certExpires: '2026-11-20' })).toEqual({ planId: 'P1', emergencyWithoutCode: false });
    expect(rule([plan()], { at: new Date('2026-11-20T16:00:00.000Z'), certExpires: '2026-11-20' })).toBe('certificate-expired');
    expect(rule([plan({ trigger: 'emergency', code: null })], { certExpires: '2026-01-31' })).toBe('certificate-expired');
    const match = matchCheckIn({ creditCode: SHOP, at: NOW, candidates: [plan()], lockedBy: null, certExpires: '2026-11-20' });
    expect(match).toEqual({ refusal: expect.objectContaining({ message: expect.stringContaining('有效期至2026-11-20'), remedy: expect.stringContaining('更新有效期') }) });
  });

  it('refuses a code that expired before the scan, to the millisecond', () => {
    const expiresAt = new Date('2026-11-21T02:00:00Z');
    expect(rule([plan({ code: { expiresAt } })], { at: new Date(expiresAt.getTime() - 1) })).toEqual({ planId: 'P1', emergencyWithoutCode: false });
    expect(rule([plan({ code: { expiresAt } })], { at: expiresAt })).toBe('code-expired');
  });

  it('lets an emergency in without a code (先检查后补码), and past a lock-out', () => {
    expect(rule([plan({ trigger: 'emergency', code: null })])).toEqual({ planId: 'P1', emergencyWithoutCode: true });
    expect(rule([plan({ trigger: 'emergency', code: null })], { lockedBy: { agencyName: '消防', date: '2026-11-20' } })).toEqual({ planId: 'P1', emergencyWithoutCode: true });
    expect(rule([plan()], { lockedBy: { agencyName: '消防', date: '2026-11-20' } })).toBe('lock-out');
  });

  it('prefers the plan still open when the officer has two for the enterprise', () => {
    expect(rule([plan({ finished: true }), plan({ planId: 'P2' })])).toEqual({ planId: 'P2', emergencyWithoutCode: false });
  });
});

describe('offline times', () => {
  it('accepts the recent past, refuses the future beyond drift and the too old', () => {
    expect(offlineTimeProblem(new Date(NOW.getTime() - 71 * 3_600_000), NOW, 72)).toBeNull();
    expect(offlineTimeProblem(new Date(NOW.getTime() - 73 * 3_600_000), NOW, 72)).toContain('72');
    expect(offlineTimeProblem(new Date(NOW.getTime() + 4 * 60_000), NOW, 72)).toBeNull();
    expect(offlineTimeProblem(new Date(NOW.getTime() + 6 * 60_000), NOW, 72)).toContain('校准');
    expect(offlineTimeProblem(new Date('nonsense'), NOW, 72)).not.toBeNull();
  });
});

describe('inspection result', () => {
  it('is the gravest finding', () => {
    expect(inspectionResult(['pass', 'pass'])).toBe('pass');
    expect(inspectionResult(['pass', 'rectify'])).toBe('rectify');
    expect(inspectionResult(['rectify', 'violation', 'pass'])).toBe('case');
  });

  it('names the items still without a finding, in plan order', () => {
    expect(unrecordedItems(['I1', 'I2', 'I3'], new Set(['I2']))).toEqual(['I1', 'I3']);
    expect(unrecordedItems(['I1'], new Set(['I1']))).toEqual([]);
  });
});

describe('lockingGroup (锁定)', () => {
  const plan = (agencyId: string, leadPlanId: string, date: string, coded = true) => ({ agencyId, leadPlanId, date, coded });

  it('is another agency’s coded inspection that this agency is not part of, the earliest first', () => {
    expect(lockingGroup([plan('A2', 'L2', '2026-11-25'), plan('A3', 'L3', '2026-11-19')], 'A1')).toEqual({ agencyId: 'A3', date: '2026-11-19' });
  });

  it('is nothing when this agency joined that inspection, or its code is not issued yet', () => {
    expect(lockingGroup([plan('A2', 'L2', '2026-11-25'), plan('A1', 'L2', '2026-11-25')], 'A1')).toBeNull();
    expect(lockingGroup([plan('A2', 'L2', '2026-11-25', false)], 'A1')).toBeNull();
    expect(lockingGroup([plan('A1', 'L1', '2026-11-21')], 'A1')).toBeNull();
  });

  it('is never a visit (回访、服务走访): only inspections lock others out', () => {
    expect(lockingGroup([{ ...plan('BIZ', 'V1', '2026-11-21'), visit: true }], 'A1')).toBeNull();
    expect(lockingGroup([{ ...plan('BIZ', 'V1', '2026-11-21'), visit: true }, plan('A2', 'L2', '2026-11-25')], 'A1')).toEqual({ agencyId: 'A2', date: '2026-11-25' });
  });
});

describe('matchCheckIn of a visit', () => {
  it('admits a coded visit despite another agency\'s inspection locking the enterprise, and still wants its code', () => {
    const lockedBy = { agencyName: '市场监管局', date: '2026-11-21' };
    expect(rule([plan()], { lockedBy })).toBe('lock-out');
    expect(rule([plan({ visit: true })], { lockedBy })).toEqual({ planId: 'P1', emergencyWithoutCode: false });
    expect(rule([plan({ visit: true, code: null })])).toBe('no-code');
  });
});
