import { ErrorCode, Role, type InspectionRecord, type OffsiteStatus, type SessionUser } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { InspectionRepository } from '../../inspections/index.js';
import type { JobOutbox, OutboxJob } from '../../outbox/index.js';
import type { EnterpriseSerial, InspectionCodeRepository, PlanProgressRepository, PlanRepository, Regrouping } from '../../plans/index.js';
import type { TrailRepository } from '../../trail/index.js';
import type { OffsiteRequestRepository, StoredRequest } from '../offsite-request.repository.js';
import type { OffsiteViews } from '../offsite-views.js';
import { DecideOffsiteRequest } from './decide-request.js';

const NOW = new Date('2026-12-08T02:00:00Z');
const ASKED_AT = new Date('2026-12-01T02:00:00Z');
const officer1: SessionUser = { id: 3, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const officer2: SessionUser = { id: 4, username: 'officer2', role: Role.Officer, displayName: '李娜', agencyId: 'A2', officerId: 'O2' };

const request = (status: OffsiteStatus): StoredRequest => ({
  id: 'R1', planId: 'P1', agencyId: 'A1', creditCode: '91440300708461136T', status, round: 1, note: null, requestedAt: ASKED_AT, requestedBy: 3,
  answeredAt: null, decidedAt: null, decidedBy: null, convertReason: null,
});

/** DecideOffsiteRequest over fakes; `written` logs each write in order. */
function deciding(status: OffsiteStatus) {
  const written: string[] = [];
  let records: InspectionRecord[] = [];
  const serial = { run: (_code: string, work: (tx: Tx) => Promise<unknown>) => work({} as Tx) } as unknown as EnterpriseSerial;
  const requests = {
    find: async () => request(status),
    lock: async () => request(status),
    decide: async (id: string, d: { status: string }) => void written.push(`request ${id} ${d.status}`),
    askAgain: async (id: string, note: string) => void written.push(`request ${id} asked again: ${note}`),
  } as unknown as OffsiteRequestRepository;
  const plan = { id: 'P1', agencyId: 'A1', creditCode: '91440300708461136T', trigger: 'planned', status: 'active', leadPlanId: 'P1', finishedAt: null };
  const progress = {
    lock: async () => plan,
    markArrival: async (a: { at: Date }) => void written.push(`arrived ${a.at.toISOString()}`),
    markFinished: async () => void written.push('finished'),
  } as unknown as PlanProgressRepository;
  const plans = {
    byId: async () => plan,
    officersOf: async () => [{ planId: 'P1', memberId: 'O1' }],
    itemsOf: async () => [{ planId: 'P1', memberId: 'I1' }],
    convertToOnsite: async (_id: string, date: string) => void written.push(`on site ${date}`),
  } as unknown as PlanRepository;
  const codes = { firstIssuedAt: async () => ASKED_AT, revokeLive: async () => void written.push('code revoked') } as unknown as InspectionCodeRepository;
  const inspections = { insertFinished: async (r: InspectionRecord[]) => ((records = r), void written.push('record')) } as unknown as InspectionRepository;
  const regrouping = { regroup: async () => void written.push('regroup') } as unknown as Regrouping;
  const trail = { append: async (e: { kind: string }) => void written.push(`trail ${e.kind}`) } as unknown as TrailRepository;
  const outbox = { add: async (jobs: OutboxJob[]) => void written.push(`jobs ${jobs.map((j) => j.name).join(',')}`) } as unknown as JobOutbox;
  const views = { officerView: async () => ({ id: 'R1' }) } as unknown as OffsiteViews;
  const decider = new DecideOffsiteRequest(serial, requests, plans, progress, codes, inspections, regrouping, trail, outbox, views);
  return { decider, written, records: () => records };
}

const refusal = async (attempt: Promise<unknown>) => (await attempt.then(() => null, (e: DomainError) => e))!;

describe('deciding an off-site request', () => {
  it('accepts an answered request: the check finishes like a visit, coded, begun when asked, then the finish is queued', async () => {
    const { decider, written, records } = deciding('answered');
    await decider.accept(officer1, 'R1', NOW);
    expect(written).toEqual([
      `arrived ${ASKED_AT.toISOString()}`, 'finished', 'request R1 accepted', 'record', 'trail offsite-accepted', 'trail finished', 'jobs inspection-finished',
    ]);
    expect(records()).toEqual([expect.objectContaining({ id: 'P1', startedAt: ASKED_AT, finishedAt: NOW, coded: true, result: 'pass', jointId: null, officerIds: ['O1'], itemIds: ['I1'] })]);
  });

  it('refuses to accept or ask again before the enterprise answered, and writes nothing', async () => {
    const { decider, written } = deciding('asked');
    expect((await refusal(decider.accept(officer1, 'R1', NOW))).code).toBe(ErrorCode.Conflict);
    expect((await refusal(decider.askAgain(officer1, 'R1', '照片不清楚', NOW))).code).toBe(ErrorCode.Conflict);
    expect(written).toEqual([]);
  });

  it('hides another agency\'s request', async () => {
    const { decider, written } = deciding('answered');
    expect((await refusal(decider.accept(officer2, 'R1', NOW))).code).toBe(ErrorCode.NotFound);
    expect(written).toEqual([]);
  });

  it('asks again with the note and a new SMS', async () => {
    const { decider, written } = deciding('answered');
    await decider.askAgain(officer1, 'R1', ' 照片不清楚 ', NOW);
    expect(written).toEqual(['request R1 asked again: 照片不清楚', 'trail offsite-asked-again', 'jobs offsite-request-sms']);
  });

  it('converts to a visit on a date from today: the code revoked, then the enterprise regroups; never to a past date', async () => {
    const { decider, written } = deciding('asked');
    expect((await refusal(decider.convert(officer1, 'R1', { reason: '需现场核实', date: '2026-12-07' }, NOW))).code).toBe(ErrorCode.ValidationFailed);
    await decider.convert(officer1, 'R1', { reason: '需现场核实', date: '2026-12-10' }, NOW);
    expect(written).toEqual(['request R1 converted', 'on site 2026-12-10', 'code revoked', 'trail offsite-converted', 'regroup']);
  });
});
