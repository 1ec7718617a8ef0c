import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { Tx } from '../../infra/database/tx.js';
import type { DomainError } from '../../infra/errors/domain-error.js';
import type { PlanProgress, PlanProgressRepository } from '../plans/index.js';
import { alreadyRecorded } from './client-key.js';
import { OfficerPlans } from './officer-plan.js';

const OFFICER: SessionUser = { id: 7, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const PLAN = {
  id: 'P1', agencyId: 'A1', status: 'active', checkedInAt: new Date('2026-11-21T02:00:00Z'), finishedAt: null,
} as PlanProgress;

/** The guard over a plans fake holding one plan (officer O1 on it); `reads` tells locked reads from plain ones. */
function setUp(plan: PlanProgress | null = PLAN) {
  const reads: string[] = [];
  const guard = new OfficerPlans({
    lock: async (id: string) => (reads.push(`lock ${id}`), plan),
    find: async (id: string) => (reads.push(`find ${id}`), plan),
    hasOfficer: async (_planId: string, officerId: string) => officerId === 'O1',
  } as unknown as PlanProgressRepository);
  return { guard, reads };
}
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: DomainError) => error.code);

describe('the plan, when the user is one of its officers', () => {
  it('is the plan, locked in the caller\'s transaction when one is given', async () => {
    const { guard, reads } = setUp();
    expect(await guard.planOfOfficer(OFFICER, 'P1', { open: true }, {} as Tx)).toBe(PLAN);
    expect(await guard.planOfOfficer(OFFICER, 'P1', { open: true })).toBe(PLAN);
    expect(reads).toEqual(['lock P1', 'find P1']);
  });

  it('is refused to any but an officer, and to an officer not on the plan', async () => {
    expect(await codeOf(setUp().guard.planOfOfficer({ ...OFFICER, role: Role.AgencyAdmin, officerId: null }, 'P1', { open: true }))).toBe(ErrorCode.Forbidden);
    expect(await codeOf(setUp().guard.planOfOfficer({ ...OFFICER, officerId: 'O2' }, 'P1', { open: true }))).toBe(ErrorCode.Forbidden);
  });

  it('is not found for another agency\'s plan or none', async () => {
    expect(await codeOf(setUp().guard.planOfOfficer({ ...OFFICER, agencyId: 'A2' }, 'P1', { open: true }))).toBe(ErrorCode.NotFound);
    expect(await codeOf(setUp(null).guard.planOfOfficer(OFFICER, 'P1', { open: true }))).toBe(ErrorCode.NotFound);
  });

  it('is refused while cancelled or not checked in, and when finished if it must be open', async () => {
    expect(await codeOf(setUp({ ...PLAN, status: 'cancelled' }).guard.planOfOfficer(OFFICER, 'P1', { open: false }))).toBe(ErrorCode.Conflict);
    expect(await codeOf(setUp({ ...PLAN, checkedInAt: null }).guard.planOfOfficer(OFFICER, 'P1', { open: false }))).toBe(ErrorCode.Conflict);
    const finished = setUp({ ...PLAN, finishedAt: new Date('2026-11-21T03:00:00Z') }).guard;
    expect(await codeOf(finished.planOfOfficer(OFFICER, 'P1', { open: false }))).toBe('ok');
    expect(await codeOf(finished.planOfOfficer(OFFICER, 'P1', { open: true }))).toBe(ErrorCode.Conflict);
    expect(await codeOf(finished.planOfOfficer(OFFICER, 'P1', { open: true, finishedError: alreadyRecorded('结束检查') }))).toBe(ErrorCode.AlreadyRecorded);
  });
});
