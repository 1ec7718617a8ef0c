import { Role, type SessionUser } from '@mashang/shared';
import type { RatingRepository } from '../../evaluation/index.js';
import type { FlaggedCaseQueueRepository } from '../../flags/index.js';
import type { InspectionRepository } from '../../inspections/index.js';
import type { PlanRepository } from '../../plans/index.js';
import type { AgencyRepository, EnterpriseRepository } from '../../registry/index.js';
import { DashboardService, lastMonths } from './dashboard.service.js';

const NOW = new Date('2026-05-10T02:00:00Z');
const user = (role: Role, agencyId: string | null = null): SessionUser => ({ id: 1, username: 'u', role, displayName: 'u', agencyId, officerId: null });

function setUp(satisfaction = [
  { agencyId: 'A1', ratings: 3, meanScore: 4.126, approved: 2 },
  { agencyId: 'A2', ratings: 4, meanScore: 3.5, approved: 1 },
]) {
  const scopes: (string | null)[] = [];
  const nameLookups: string[][] = [];
  const scoped = <T>(answer: T) => async (...args: unknown[]) => (scopes.push(args[args.length - 1] as string | null), answer);
  const service = new DashboardService(
    { inProgressByAgency: scoped([{ agencyId: 'A2', count: 3 }, { agencyId: 'A9', count: 1 }]) } as unknown as PlanRepository,
    {
      countsByAgencyMonth: scoped([
        { agencyId: 'A1', month: '2026-05', count: 4, joint: 1 },
        { agencyId: 'A2', month: '2026-04', count: 6, joint: 0 },
        { agencyId: 'A1', month: '2025-01', count: 9, joint: 9 },
      ]),
      enterprisesInspectedSince: scoped(30),
    } as unknown as InspectionRepository,
    {
      satisfactionByAgency: scoped(satisfaction),
    } as unknown as RatingRepository,
    { total: async () => 120 } as unknown as EnterpriseRepository,
    { openCountsByAge: scoped([5, 0, 2, 0, 1]) } as unknown as FlaggedCaseQueueRepository,
    { namesOf: async (ids: string[]) => (nameLookups.push(ids), new Map([['A1', '市市场监督管理局'], ['A2', '市生态环境局']])) } as unknown as AgencyRepository,
  );
  return { service, scopes, nameLookups };
}

describe('the supervisor\'s dashboard', () => {
  it('counts the last months, satisfaction worst first and the inspection rate, naming agencies in one look-up (their id when unknown)', async () => {
    const { service, scopes, nameLookups } = setUp();
    const view = await service.dashboard(user(Role.Supervisor), 2, NOW);
    expect(scopes).toEqual([null, null, null, null, null]);
    expect(nameLookups).toHaveLength(1);
    expect(view.today).toEqual({ basis: 'checked-in', total: 4, byAgency: [{ agencyId: 'A2', agencyName: '市生态环境局', count: 3 }, { agencyId: 'A9', agencyName: 'A9', count: 1 }] });
    expect(view.inspectionsByMonth).toEqual({
      months: ['2026-04', '2026-05'],
      series: [{ agencyId: 'A2', agencyName: '市生态环境局', counts: [6, 0] }, { agencyId: 'A1', agencyName: '市市场监督管理局', counts: [0, 4] }],
    });
    expect(view.jointVsSingle).toEqual({ months: ['2026-04', '2026-05'], joint: [0, 1], single: [6, 3] });
    expect(view.satisfaction.map((s) => [s.agencyId, s.meanScore, s.approveRate])).toEqual([['A2', 3.5, 0.25], ['A1', 4.13, 0.6667]]);
    expect(view.inspectionRate).toEqual({ inspected: 30, registered: 120, rate: 0.25 });
    expect(view.openFlagsByAge.map((b) => b.count)).toEqual([5, 0, 2, 0, 1]);
  });

  it('holds an agency admin to its own agency in every figure', async () => {
    const { service, scopes } = setUp();
    await service.dashboard(user(Role.AgencyAdmin, 'A2'), 12, NOW);
    expect(scopes).toEqual(['A2', 'A2', 'A2', 'A2', 'A2']);
  });

  it('shows an agency admin its satisfaction only over five ratings or more: fewer would tell how one enterprise rated', async () => {
    const few = await setUp([{ agencyId: 'A2', ratings: 4, meanScore: 1.5, approved: 0 }]).service.dashboard(user(Role.AgencyAdmin, 'A2'), 12, NOW);
    expect(few.satisfaction).toEqual([]);
    const enough = await setUp([{ agencyId: 'A2', ratings: 5, meanScore: 3.2, approved: 3 }]).service.dashboard(user(Role.AgencyAdmin, 'A2'), 12, NOW);
    expect(enough.satisfaction).toEqual([{ agencyId: 'A2', agencyName: '市生态环境局', ratings: 5, meanScore: 3.2, approveRate: 0.6 }]);
    const overseen = await setUp([{ agencyId: 'A2', ratings: 1, meanScore: 1, approved: 0 }]).service.dashboard(user(Role.Discipline), 12, NOW);
    expect(overseen.satisfaction).toHaveLength(1);
  });

  it('lists calendar months across a year boundary', () => {
    expect(lastMonths('2026-02-15', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
