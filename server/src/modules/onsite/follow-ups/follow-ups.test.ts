import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { PlanProgressRepository } from '../../plans/index.js';
import type { EnterpriseRepository, ItemRepository } from '../../registry/index.js';
import type { TrailAppend, TrailRepository } from '../../trail/index.js';
import { FollowUps } from './follow-ups.js';
import type { DueFollowUp, RectificationCheckRepository } from './rectification-check.repository.js';

const OFFICER: SessionUser = { id: 7, username: 'officer1', role: Role.Officer, displayName: '张伟', agencyId: 'A1', officerId: 'O1' };
const NOW = new Date('2026-12-06T04:00:00Z');
const DUE: DueFollowUp[] = [
  { planId: 'P1', itemId: 'I1', creditCode: 'C1', rectifyBy: '2026-12-05' },
  { planId: 'P2', itemId: 'I9', creditCode: 'C1', rectifyBy: '2026-12-07' },
];

function setUp({ isDue = true, inserted = true } = {}) {
  const writes: string[] = [];
  const asked: string[] = [];
  const followUps = new FollowUps(
    { run: (work: (tx: Tx) => Promise<unknown>) => work({} as Tx) } as unknown as Transactions,
    {
      due: async (until: string) => (asked.push(until), DUE),
      isDue: async () => isDue,
      insertOnce: async (c: { planId: string; itemId: string; rectified: boolean }) => (writes.push(`check ${c.planId} ${c.itemId} ${c.rectified}`), inserted),
    } as unknown as RectificationCheckRepository,
    { agenciesOf: async (ids: string[]) => new Map(ids.map((id) => [id, id === 'P1' ? 'A1' : 'A2'])) } as unknown as PlanProgressRepository,
    { namesOf: async () => new Map([['C1', '老王烩面馆']]) } as unknown as EnterpriseRepository,
    { byIds: async () => [{ id: 'I1', name: '健康证明' }], namesOf: async () => ['健康证明'] } as unknown as ItemRepository,
    { append: async (entry: TrailAppend) => writes.push(`trail ${entry.inspectionId} ${entry.kind}`) } as unknown as TrailRepository,
  );
  return { followUps, writes, asked };
}
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: DomainError) => error.code);

describe('整改复查', () => {
  it('lists the agency’s yellow findings due within three days, marking the late ones', async () => {
    const { followUps, asked } = setUp();
    expect(await followUps.due(OFFICER, NOW)).toEqual([
      { planId: 'P1', itemId: 'I1', itemName: '健康证明', creditCode: 'C1', enterpriseName: '老王烩面馆', rectifyBy: '2026-12-05', overdue: true },
    ]);
    expect(asked).toEqual(['2026-12-09']);
  });

  it('records the follow-up and its trail entry; a red outcome says a case follows', async () => {
    const { followUps, writes } = setUp();
    expect(await followUps.record(OFFICER, { planId: 'P1', itemId: 'I1', rectified: false, clientKey: 'fu-00000001' }, NOW)).toEqual({ rectified: false, message: expect.stringContaining('立案查处') });
    expect(writes).toEqual(['check P1 I1 false', 'trail P1 rectification-checked']);
  });

  it('refuses another agency’s finding, one not due, and a replay, writing no trail entry', async () => {
    expect(await codeOf(setUp().followUps.record(OFFICER, { planId: 'P2', itemId: 'I9', rectified: true, clientKey: 'fu-00000002' }, NOW))).toBe(ErrorCode.Forbidden);
    const notDue = setUp({ isDue: false });
    expect(await codeOf(notDue.followUps.record(OFFICER, { planId: 'P1', itemId: 'I1', rectified: true, clientKey: 'fu-00000003' }, NOW))).toBe(ErrorCode.Conflict);
    const replay = setUp({ inserted: false });
    expect(await codeOf(replay.followUps.record(OFFICER, { planId: 'P1', itemId: 'I1', rectified: true, clientKey: 'fu-00000004' }, NOW))).toBe(ErrorCode.AlreadyRecorded);
    expect([...notDue.writes, ...replay.writes]).toEqual(['check P1 I1 true']);
  });
});
