import { addDays, CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseStatus, isCalendarDate, type SessionUser } from '@mashang/shared';
import { allowedActions, decide, isOverdue, maySee, RULES, type CaseState } from './case-workflow.js';

const user = (role: SessionUser['role'], agencyId: string | null = null): SessionUser => ({ id: 1, username: role, role, displayName: role, agencyId, officerId: null });
const supervisor = user('supervisor');
const discipline = user('discipline');
const admin1 = user('agency-admin', 'A1');
const admin2 = user('agency-admin', 'A2');
const officer1 = { ...user('officer', 'A1'), officerId: 'O1' };
const TODAY = '2026-05-10';

const state = (overrides: Partial<CaseState> = {}): CaseState => ({
  status: 'open', source: 'rating', agencyId: 'A1', creditCode: '91440300708461136T', deadline: null, raisedOn: '2026-05-09', substancePassedOn: false, ...overrides,
});

describe('case workflow', () => {
  it('walks a bad rating through rectification: investigate, order, answer, confirm', () => {
    const investigating = decide(state(), supervisor, 'investigate', {}, TODAY);
    expect(investigating).toEqual({ ok: true, to: 'investigating', conclusion: null, deadline: addDays(TODAY, 10), event: 'investigating' });
    const ordered = decide(state({ status: 'investigating', deadline: '2026-05-20' }), supervisor, 'order-rectification', { note: '立即整改', deadline: '2026-05-25' }, TODAY);
    expect(ordered).toMatchObject({ ok: true, to: 'rectifying', deadline: '2026-05-25', event: 'rectification-ordered' });
    const answered = decide(state({ status: 'rectifying', deadline: '2026-05-25' }), admin1, 'answer-rectification', { note: '已整改' }, TODAY);
    expect(answered).toMatchObject({ ok: true, to: 'answered', deadline: addDays(TODAY, 5) });
    const confirmed = decide(state({ status: 'answered' }), supervisor, 'confirm-rectification', {}, TODAY);
    expect(confirmed).toEqual({ ok: true, to: 'closed', conclusion: 'rectified', deadline: null, event: 'rectification-confirmed' });
  });

  it('lets only the case’s own agency answer a rectification order', () => {
    const rectifying = state({ status: 'rectifying' });
    expect(decide(rectifying, admin2, 'answer-rectification', { note: 'x' }, TODAY)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decide(rectifying, supervisor, 'answer-rectification', { note: 'x' }, TODAY)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decide(rectifying, officer1, 'answer-rectification', { note: 'x' }, TODAY)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decide(rectifying, admin1, 'answer-rectification', { note: 'x' }, TODAY)).toMatchObject({ ok: true });
  });

  it('gives discipline inspection only the outcome of referred cases', () => {
    expect(decide(state({ status: 'referred' }), discipline, 'record-discipline-outcome', { note: '已问责', outcome: 'accountable' }, TODAY)).toMatchObject({
      ok: true, to: 'closed', conclusion: 'disciplined',
    });
    expect(decide(state({ status: 'referred' }), discipline, 'record-discipline-outcome', { note: '已问责' }, TODAY)).toMatchObject({ ok: false, field: 'outcome' });
    expect(decide(state({ status: 'investigating' }), discipline, 'record-discipline-outcome', { note: 'x', outcome: 'accountable' }, TODAY)).toMatchObject({ ok: false, reason: 'status' });
    expect(decide(state({ status: 'investigating' }), discipline, 'order-rectification', { note: 'x' }, TODAY)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(decide(state({ status: 'referred' }), supervisor, 'record-discipline-outcome', { note: 'x', outcome: 'accountable' }, TODAY)).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('refuses a fabricated-complaint conclusion on cases no enterprise raised, and rectification without an agency', () => {
    const anomaly = state({ status: 'investigating', source: 'anomaly' });
    expect(decide(anomaly, supervisor, 'conclude-fabricated', { note: 'x' }, TODAY)).toMatchObject({ ok: false, reason: 'status' });
    expect(allowedActions(anomaly, supervisor)).not.toContain('conclude-fabricated');
    expect(allowedActions(state({ status: 'investigating' }), supervisor)).toContain('conclude-fabricated');
    const noAgency = state({ status: 'investigating', agencyId: null });
    expect(decide(noAgency, supervisor, 'order-rectification', { note: 'x' }, TODAY)).toMatchObject({ ok: false, reason: 'status' });
  });

  it('lets a supervisor pass the substance of a rating on to the rated agency once, while investigating, saying why', () => {
    const investigating = state({ status: 'investigating', deadline: '2026-05-20' });
    expect(decide(investigating, supervisor, 'pass-on-substance', { note: '请部门说明重复检查的原因' }, TODAY))
      .toEqual({ ok: true, to: 'investigating', conclusion: null, deadline: '2026-05-20', event: 'substance-passed-on' });
    expect(decide(investigating, supervisor, 'pass-on-substance', {}, TODAY)).toMatchObject({ ok: false, field: 'note' });
    expect(allowedActions(investigating, supervisor)).toContain('pass-on-substance');
    expect(allowedActions({ ...investigating, substancePassedOn: true }, supervisor)).not.toContain('pass-on-substance');
    expect(decide({ ...investigating, substancePassedOn: true }, supervisor, 'pass-on-substance', { note: 'x' }, TODAY)).toMatchObject({ ok: false, reason: 'status' });
    expect(allowedActions(state({ status: 'investigating', source: 'anomaly' }), supervisor)).not.toContain('pass-on-substance');
    expect(allowedActions(state({ status: 'open' }), supervisor)).not.toContain('pass-on-substance');
    for (const who of [admin1, discipline]) expect(decide(investigating, who, 'pass-on-substance', { note: 'x' }, TODAY)).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('requires notes and sane deadlines', () => {
    const investigating = state({ status: 'investigating' });
    expect(decide(investigating, supervisor, 'conclude-unfounded', { note: '  ' }, TODAY)).toMatchObject({ ok: false, field: 'note' });
    expect(decide(investigating, supervisor, 'order-rectification', { note: 'x', deadline: '2026-05-09' }, TODAY)).toMatchObject({ ok: false, field: 'deadline' });
    expect(decide(investigating, supervisor, 'order-rectification', { note: 'x', deadline: '2026-02-30' }, TODAY)).toMatchObject({ ok: false, field: 'deadline' });
    expect(decide(investigating, supervisor, 'order-rectification', { note: 'x', deadline: TODAY }, TODAY)).toMatchObject({ ok: true, deadline: TODAY });
    expect(decide(investigating, supervisor, 'conclude-unfounded', { note: 'x', deadline: TODAY }, TODAY)).toMatchObject({ ok: false, field: 'deadline' });
    expect(decide(state({ status: 'answered' }), supervisor, 'return-rectification', { note: '不到位' }, TODAY)).toMatchObject({ ok: false, field: 'deadline' });
    expect(decide(investigating, supervisor, 'note', { note: '走访企业', deadline: TODAY }, TODAY)).toMatchObject({ ok: false, field: 'deadline' });
    expect(decide(state({ status: 'investigating', deadline: '2026-05-20' }), supervisor, 'note', { note: '走访企业' }, TODAY)).toMatchObject({ ok: true, to: 'investigating', deadline: '2026-05-20' });
  });

  it('offers every role exactly the actions it may take, for every status', () => {
    for (const status of CASE_STATUSES) {
      for (const who of [supervisor, discipline, admin1, admin2, officer1]) {
        const offered = allowedActions(state({ status }), who);
        for (const action of CASE_ACTIONS) {
          const input = { note: '说明', outcome: 'accountable', deadline: RULES[action].deadline === 'required' ? TODAY : undefined };
          expect([status, who.username, action, offered.includes(action)]).toEqual([status, who.username, action, decide(state({ status }), who, action, input, TODAY).ok]);
        }
      }
    }
    expect(allowedActions(state({ status: 'closed' }), supervisor)).toEqual([]);
    expect(allowedActions(state({ status: 'open' }), officer1)).toEqual([]);
    expect(allowedActions(state({ status: 'open' }), supervisor).sort()).toEqual(['assign', 'investigate', 'note'] satisfies CaseAction[]);
  });

  it('never reopens a closed case', () => {
    for (const action of CASE_ACTIONS) expect(RULES[action].from).not.toContain('closed' satisfies CaseStatus);
  });

  it('counts a case overdue past its deadline, or when untouched for more than three days', () => {
    expect(isOverdue({ status: 'rectifying', deadline: '2026-05-09', raisedOn: '2026-05-01' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'rectifying', deadline: TODAY, raisedOn: '2026-05-01' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'closed', deadline: '2026-05-01', raisedOn: '2026-05-01' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', deadline: null, raisedOn: '2026-05-07' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', deadline: null, raisedOn: '2026-05-06' }, TODAY)).toBe(true);
  });

  it('lets supervisors and discipline read every case, an agency admin only its own, officers none', () => {
    expect(maySee(supervisor, 'A2')).toBe(true);
    expect(maySee(discipline, null)).toBe(true);
    expect(maySee(admin1, 'A1')).toBe(true);
    expect(maySee(admin1, 'A2')).toBe(false);
    expect(maySee(admin1, null)).toBe(false);
    expect(maySee(officer1, 'A1')).toBe(false);
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-5-1')).toBe(false);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
