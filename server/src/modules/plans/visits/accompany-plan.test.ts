import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { AgencyRepository, OfficerRepository } from '../../registry/index.js';
import type { AccompanimentRepository } from '../accompaniment.repository.js';
import type { EnterpriseSerial, LockedEnterprise } from '../enterprise-serial.js';
import type { PlanHistory } from '../plan-history.js';
import type { Plan } from '../plan.entity.js';
import type { PlanRepository } from '../plan.repository.js';
import { AccompanyPlan } from './accompany-plan.js';
import type { AccompanyingNames } from './accompanying-names.js';

const NOW = new Date('2026-12-06T02:00:00Z');
const biz: SessionUser = { id: 9, username: 'biz1', role: Role.Officer, displayName: '王芳', agencyId: 'BIZ', officerId: 'B1' };
const PLAN = { id: 'P1', code: 'JH20261206-AAAAAA', kind: 'inspection', status: 'active', agencyId: 'A1', creditCode: 'C1', inspectionDate: '2026-12-06', finishedAt: null } as unknown as Plan;

function accompanyIn(plan: Partial<Plan> = {}, alreadyThere = false) {
  const written: string[] = [];
  const stored = { ...PLAN, ...plan } as Plan;
  const serial = { run: (_c: string, work: (tx: Tx, e: LockedEnterprise) => Promise<unknown>) => { written.push('lock'); return work({} as Tx, { name: '老王烩面馆' } as LockedEnterprise); } } as unknown as EnterpriseSerial;
  const plans = { byCode: async (code: string) => (code === stored.code ? stored : null), byId: async () => stored, officersOf: async () => [{ planId: 'P1', memberId: 'O1' }] } as unknown as PlanRepository;
  const accompaniments = { add: async (e: { officerId: string }) => { written.push(`add ${e.officerId}`); return !alreadyThere; } } as unknown as AccompanimentRepository;
  const officers = { namesOf: async () => new Map([['B1', '王芳']]) } as unknown as OfficerRepository;
  const agencies = { namesOf: async (ids: string[]) => new Map(ids.map((id) => [id, id === 'BIZ' ? '营商环境局' : '市场监管局'])) } as unknown as AgencyRepository;
  const history = { record: async (e: { kind: string; detail: Record<string, unknown> }) => void written.push(`${e.kind} ${e.detail.agencyName} ${e.detail.name}`) } as unknown as PlanHistory;
  const names = { of: async () => new Map([['P1', [{ name: '王芳', agencyName: '营商环境局', at: NOW.toISOString() }]]]) } as unknown as AccompanyingNames;
  return { accompany: (user: SessionUser, code = PLAN.code) => new AccompanyPlan(serial, plans, accompaniments, officers, agencies, history, names).accompany(user, code, NOW), written };
}

const failure = (attempt: Promise<unknown>) => attempt.then(() => { throw new Error('expected a refusal'); }, (e: DomainError) => e);

describe('accompanying an inspection (陪同执法)', () => {
  it('adds the officer under the enterprise lock and records it on the plan\'s history and trail', async () => {
    const { accompany, written } = accompanyIn();
    await expect(accompany(biz)).resolves.toMatchObject({ planCode: PLAN.code, agencyName: '市场监管局', enterpriseName: '老王烩面馆', accompanying: [{ name: '王芳' }] });
    expect(written).toEqual(['lock', 'add B1', 'accompanied 营商环境局 王芳']);
  });

  it('records nothing new for an officer already accompanying', async () => {
    const { accompany, written } = accompanyIn({}, true);
    await accompany(biz);
    expect(written).toEqual(['lock', 'add B1']);
  });

  it('refuses a visit, an own-agency officer, an unknown code and a desk account, writing nothing', async () => {
    const visit = accompanyIn({ kind: 'return-visit' });
    expect((await failure(visit.accompany(biz))).refusals?.[0].rule).toBe('not-an-inspection');
    expect(visit.written).toEqual(['lock']);
    const own = accompanyIn();
    expect((await failure(own.accompany({ ...biz, agencyId: 'A1', officerId: 'O9' }))).refusals?.[0].rule).toBe('own-agency');
    expect((await failure(own.accompany(biz, 'JH20260101-ZZZZZZ'))).code).toBe(ErrorCode.NotFound);
    expect((await failure(own.accompany({ ...biz, role: Role.Supervisor, agencyId: null, officerId: null }))).code).toBe(ErrorCode.Forbidden);
    expect(own.written).toEqual(['lock']);
  });
});
