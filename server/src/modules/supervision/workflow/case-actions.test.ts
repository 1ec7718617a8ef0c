import { ErrorCode, Role, type CaseDetail, type SessionUser } from '@mashang/shared';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { UserRepository } from '../../auth/index.js';
import type { CaseEventRow, CaseUnderLock, FlaggedCaseQueueRepository, FlaggedCaseRepository } from '../../flags/index.js';
import type { JobOutbox } from '../../outbox/index.js';
import type { CaseDetails } from '../case-detail/case-details.js';
import type { CreditRecordEntry, CreditRecordRepository } from '../credit-record.repository.js';
import { CaseActions } from './case-actions.js';

const TX = { tx: true } as unknown as Tx;
const NOW = new Date('2026-05-10T02:00:00Z');
const user = (id: number, role: Role, agencyId: string | null = null): SessionUser => ({ id, username: `u${id}`, role, displayName: `用户${id}`, agencyId, officerId: null });
const supervisor = user(7, Role.Supervisor);
const admin1 = user(11, Role.AgencyAdmin, 'A1');
const admin2 = user(12, Role.AgencyAdmin, 'A2');

const openCase = (overrides: Partial<CaseUnderLock> = {}): CaseUnderLock => ({
  id: 'c1', source: 'rating', status: 'open', conclusion: null, agencyId: 'A1', creditCode: '92410202MA0000011X', assigneeId: null, deadline: null,
  createdAt: new Date('2026-05-09T02:00:00Z'), ...overrides,
});

/** The case as stored, the supervisors on duty, and every write in order. */
function setUp(stored: CaseUnderLock | null, supervisors: number[] = [supervisor.id], loggedKinds: string[] = []) {
  const writes: unknown[][] = [];
  const detail = { case: { id: 'c1' } } as unknown as CaseDetail;
  const actions = new CaseActions(
    { run: (work: (tx: Tx) => Promise<unknown>) => work(TX) } as unknown as Transactions,
    {
      lock: async (id: string, tx: Tx) => (expect(tx).toBe(TX), stored?.id === id ? stored : null),
      applyStep: async (id: string, step: unknown, tx: Tx) => (expect(tx).toBe(TX), void writes.push(['step', id, step])),
      hasEvent: async (id: string, kind: string, tx: Tx) => (expect(tx).toBe(TX), stored?.id === id && loggedKinds.includes(kind)),
    } as unknown as FlaggedCaseQueueRepository,
    { insertEvents: async (events: CaseEventRow[], tx: Tx) => (expect(tx).toBe(TX), void writes.push(['events', events])) } as unknown as FlaggedCaseRepository,
    { insert: async (entry: CreditRecordEntry, tx: Tx) => (expect(tx).toBe(TX), void writes.push(['credit', entry])) } as unknown as CreditRecordRepository,
    { isActiveOfRole: async (id: number, role: Role) => role === Role.Supervisor && supervisors.includes(id) } as unknown as UserRepository,
    { get: async () => detail } as unknown as CaseDetails,
    { add: async (jobs: { name: string; payload: unknown }[]) => void writes.push(...jobs.map((j) => ['job', j.name, j.payload])) } as unknown as JobOutbox,
  );
  return { actions, writes, detail };
}

const refusal = async (promise: Promise<unknown>) => (await promise.then(() => null, (e: unknown) => e)) as DomainError;

describe('workflow actions on a flagged case', () => {
  it('applies an allowed step, then logs it, and answers the case as it is then', async () => {
    const { actions, writes, detail } = setUp(openCase());
    expect(await actions.act(supervisor, 'c1', { action: 'investigate' }, NOW)).toBe(detail);
    expect(writes).toEqual([
      ['step', 'c1', { status: 'investigating', conclusion: null, deadline: '2026-05-20', assigneeId: 7, at: NOW }],
      ['events', [{ caseId: 'c1', kind: 'investigating', actor: 'user:7:u7', detail: { action: 'investigate', from: 'open', to: 'investigating', deadline: '2026-05-20' }, at: NOW }]],
    ]);
  });

  it('refuses an action the case\'s status does not allow, writing nothing', async () => {
    const { actions, writes } = setUp(openCase());
    const error = await refusal(actions.act(supervisor, 'c1', { action: 'confirm-rectification' }, NOW));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(writes).toEqual([]);
  });

  it('refuses an agency admin acting on another agency\'s case, even a note, writing nothing', async () => {
    const { actions, writes } = setUp(openCase({ status: 'rectifying', deadline: '2026-05-25' }));
    expect((await refusal(actions.act(admin2, 'c1', { action: 'note', note: '补充说明' }, NOW))).code).toBe(ErrorCode.Forbidden);
    expect((await refusal(actions.act(admin2, 'c1', { action: 'answer-rectification', note: '已整改' }, NOW))).code).toBe(ErrorCode.Forbidden);
    expect(writes).toEqual([]);
    await actions.act(admin1, 'c1', { action: 'answer-rectification', note: '已整改' }, NOW);
    expect(writes.map((w) => w[0])).toEqual(['step', 'events']);
  });

  it('assigns only to a supervisor on duty', async () => {
    const { actions, writes } = setUp(openCase(), [7, 8]);
    expect((await refusal(actions.act(supervisor, 'c1', { action: 'assign', assigneeId: 99 }, NOW))).code).toBe(ErrorCode.ValidationFailed);
    expect(writes).toEqual([]);
    await actions.act(supervisor, 'c1', { action: 'assign', assigneeId: 8 }, NOW);
    expect(writes[0]).toEqual(['step', 'c1', expect.objectContaining({ status: 'assigned', assigneeId: 8 })]);
    expect(writes[1][1]).toEqual([expect.objectContaining({ kind: 'assigned', detail: expect.objectContaining({ assigneeId: 8 }) })]);
  });

  it('records a complaint found fabricated in the enterprise\'s credit record, after the step and its log', async () => {
    const { actions, writes } = setUp(openCase({ status: 'investigating', assigneeId: 7, deadline: '2026-05-20' }));
    await actions.act(supervisor, 'c1', { action: 'conclude-fabricated', note: '  企业承认虚构  ' }, NOW);
    expect(writes.map((w) => w[0])).toEqual(['step', 'events', 'credit']);
    expect(writes[0][2]).toEqual({ status: 'closed', conclusion: 'fabricated', deadline: null, assigneeId: 7, at: NOW });
    expect(writes[2][1]).toEqual({ creditCode: '92410202MA0000011X', kind: 'fabricated-complaint', caseId: 'c1', note: '企业承认虚构', actor: 'user:7:u7', at: NOW });
  });

  it('queues the outcome SMS when a complaint is concluded, after its step, and not for other sources or steps', async () => {
    const complaint = setUp(openCase({ source: 'complaint', status: 'investigating', assigneeId: 7, deadline: '2026-05-20' }));
    await complaint.actions.act(supervisor, 'c1', { action: 'conclude-fabricated', note: '企业虚构事实' }, NOW);
    expect(complaint.writes.map((w) => w[0])).toEqual(['step', 'events', 'credit', 'job']);
    expect(complaint.writes[3]).toEqual(['job', 'complaint-outcome-sms', { caseId: 'c1' }]);
    expect(complaint.writes[2][1]).toMatchObject({ kind: 'fabricated-complaint', creditCode: '92410202MA0000011X' });

    const noted = setUp(openCase({ source: 'complaint', status: 'investigating', assigneeId: 7 }));
    await noted.actions.act(supervisor, 'c1', { action: 'note', note: '已联系企业' }, NOW);
    const rating = setUp(openCase({ status: 'investigating', assigneeId: 7 }));
    await rating.actions.act(supervisor, 'c1', { action: 'conclude-unfounded', note: '经查不属实' }, NOW);
    expect([...noted.writes, ...rating.writes].some((w) => w[0] === 'job')).toBe(false);
  });

  it('passes the substance of a rating on to the rated agency once, logged with the supervisor\'s reason', async () => {
    const investigating = openCase({ status: 'investigating', assigneeId: 7, deadline: '2026-05-20' });
    const { actions, writes } = setUp(investigating);
    await actions.act(supervisor, 'c1', { action: 'pass-on-substance', note: '请部门说明重复检查的原因' }, NOW);
    expect(writes).toEqual([
      ['step', 'c1', { status: 'investigating', conclusion: null, deadline: '2026-05-20', assigneeId: 7, at: NOW }],
      ['events', [{ caseId: 'c1', kind: 'substance-passed-on', actor: 'user:7:u7', detail: { action: 'pass-on-substance', from: 'investigating', to: 'investigating', note: '请部门说明重复检查的原因' }, at: NOW }]],
    ]);
    const again = setUp(investigating, [supervisor.id], ['substance-passed-on']);
    expect((await refusal(again.actions.act(supervisor, 'c1', { action: 'pass-on-substance', note: '再转一次' }, NOW))).code).toBe(ErrorCode.Conflict);
    expect((await refusal(again.actions.act(admin1, 'c1', { action: 'pass-on-substance', note: 'x' }, NOW))).code).toBe(ErrorCode.Forbidden);
    expect(again.writes).toEqual([]);
  });

  it('refuses an unknown case', async () => {
    const { actions, writes } = setUp(null);
    expect((await refusal(actions.act(supervisor, 'nope', { action: 'note', note: 'x' }, NOW))).code).toBe(ErrorCode.NotFound);
    expect(writes).toEqual([]);
  });
});
