import { classViolation, ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { LiveCodes, PlanProgress, PlanProgressRepository, PlanRepository } from '../../plans/index.js';
import type { AgencyRepository, ItemRepository } from '../../registry/index.js';
import type { FindingRepository, RecordedFinding } from '../finding.repository.js';
import type { ViolationClassing } from '../findings/violation-classing.js';
import { JointChecklists } from './joint-checklist.js';

const plan = (id: string, agencyId: string) => ({ id, agencyId, leadPlanId: 'P1', creditCode: 'C1', status: 'active' }) as PlanProgress;
const MEMBERS = [plan('P1', 'A1'), plan('P2', 'A2')];
const ITEMS = [
  { id: 'M1', name: '明码标价', basis: '价格法第十三条' },
  { id: 'M2', name: '消防器材', basis: '《消防法》第十六条' },
  { id: 'F1', name: '消防设施', basis: '消防法第十六条' },
];
const FINDING: RecordedFinding = { itemId: 'M1', outcome: 'rectify', rectifyBy: '2026-12-06', note: '当场改正', at: new Date('2026-12-06T02:00:00Z'), colour: 'green' };

function setUp() {
  const asked: string[] = [];
  const checklists = new JointChecklists(
    { find: async (id: string) => MEMBERS.find((m) => m.id === id) ?? null, activeMembers: async () => MEMBERS } as unknown as PlanProgressRepository,
    // By plan id as stored, not in the inspection's order: the lead's items must still come first.
    { itemsOf: async () => [{ planId: 'P2', memberId: 'F1' }, { planId: 'P1', memberId: 'M1' }, { planId: 'P1', memberId: 'M2' }] } as unknown as PlanRepository,
    { open: async () => ({ leadPlanId: 'P1' }) } as unknown as LiveCodes,
    { latestOfPlans: async () => new Map([['P1', new Map([['M1', FINDING]])], ['P2', new Map()]]) } as unknown as FindingRepository,
    { namesOf: async () => new Map([['A1', '市场监管局'], ['A2', '消防救援支队']]) } as unknown as AgencyRepository,
    { byIds: async () => ITEMS } as unknown as ItemRepository,
    { proposals: async (_c: string, ids: string[]) => (asked.push(ids.join(',')), new Map(ids.map((id) => [id, classViolation(null, 0)]))) } as unknown as ViolationClassing,
  );
  return { checklists, asked };
}
const OFFICER: SessionUser = { id: 7, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };

describe('the joint checklist', () => {
  it('gives the officer the lead agency’s items first, one row per legal basis, with proposals', async () => {
    const { checklists, asked } = setUp();
    const list = await checklists.forUser(OFFICER, 'P1');
    expect(list.joint).toBe(true);
    expect(list.rows.map((r) => [r.name, r.stakes.map((s) => s.itemId)])).toEqual([['明码标价', ['M1']], ['消防器材', ['M2', 'F1']]]);
    expect(list.rows[0].stakes[0].finding).toMatchObject({ colour: 'green', note: '当场改正' });
    expect(list.rows[1].stakes[1].proposal).toMatchObject({ colour: 'yellow' });
    expect(asked).toHaveLength(1);
  });

  it('hides another agency’s inspection from an agency user', async () => {
    const { checklists } = setUp();
    const refused = await checklists.forUser(OFFICER, 'P2').then(() => null, (e: DomainError) => e.code);
    expect(refused).toBe(ErrorCode.NotFound);
  });

  it('gives the enterprise results and colours only: no notes, proposals or ids', async () => {
    const { checklists, asked } = setUp();
    const mine = await checklists.byCode('token');
    expect(mine.rows[0]).toEqual({ name: '明码标价', basis: '价格法第十三条', results: [{ agencyName: '市场监管局', outcome: 'rectify', colour: 'green', rectifyBy: '2026-12-06' }] });
    expect(JSON.stringify(mine)).not.toMatch(/当场改正|proposal|P1|M1/);
    expect(asked).toEqual([]);
  });
});
