import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import { DomainError } from '../../../infra/errors/domain-error.js';
import type { UserRepository } from '../../auth/index.js';
import type { InspectionRepository } from '../../inspections/index.js';
import type { LiveCodes, PlanProgressRepository } from '../../plans/index.js';
import type { AgencyRepository, OfficerRepository } from '../../registry/index.js';
import { GENESIS_HASH, type StoredEntry, type TrailReader, type TrailRepository } from '../../trail/index.js';
import { TrailAccessService } from './trail-access.service.js';

const NAMES: Record<string, string> = { A1: '市市场监督管理局', A2: '市消防救援支队' };
const EXPIRES = new Date('2026-05-11T16:00:00Z');
const entry = (inspectionId: string, kind: string, actor: string): StoredEntry => ({
  inspectionId, seq: 1, kind, actor, detail: '{}', at: new Date('2026-05-10T01:00:00Z'), prevHash: GENESIS_HASH, hash: 'a'.repeat(64),
});

function serviceWith(open: () => Promise<{ leadPlanId: string; expiresAt: Date }>) {
  const read: string[] = [];
  const readers: string[] = [];
  const service = new TrailAccessService(
    {
      read: async (inspectionId: string, reader: string) => (readers.push(reader), { inspectionId, entries: [{ ...entry(inspectionId, 'filed', 'user:5:officer1'), detail: {} }, { ...entry(inspectionId, 'invited', 'system:sms'), detail: {} }] }),
    } as unknown as TrailReader,
    { entries: async (id: string) => (read.push(id), [entry(id, 'filed', id === 'P1' ? 'user:5:officer1' : 'user:8:officer2')]) } as unknown as TrailRepository,
    { open } as unknown as LiveCodes,
    {
      membersOf: async () => [{ id: 'P1', agencyId: 'A1' }, { id: 'P2', agencyId: 'A2' }, { id: 'P3', agencyId: 'GONE' }],
      agencyOf: async (id: string) => (id === 'P1' ? 'A1' : null),
    } as unknown as PlanProgressRepository,
    { agencyOf: async () => null } as unknown as InspectionRepository,
    { namesOf: async (ids: string[]) => new Map(ids.filter((id) => NAMES[id]).map((id) => [id, NAMES[id]])) } as unknown as AgencyRepository,
    { byIds: async (ids: string[]) => [{ id: 'O1', name: '张伟', certNo: '豫C0000001' }, { id: 'O2', name: '李娜', certNo: '豫C0000002' }].filter((o) => ids.includes(o.id)) } as unknown as OfficerRepository,
    {
      staffOf: async () => new Map([[5, { agencyId: 'A1', officerId: 'O1' }], [8, { agencyId: 'A2', officerId: 'O2' }]]),
      actorNames: async (actors: string[]) => new Map(actors.filter((a) => a === 'user:5:officer1').map((a) => [a, '张伟'])),
    } as unknown as UserRepository,
  );
  return { service, read, readers };
}

describe('the trail by inspection code', () => {
  it('reads nothing for a code no longer in force', async () => {
    const { service, read } = serviceWith(async () => { throw new DomainError(ErrorCode.CodeCancelled, '这次检查已取消，检查码作废。'); });
    await expect(service.trailByCode('T')).rejects.toMatchObject({ code: ErrorCode.CodeCancelled });
    expect(read).toEqual([]);
  });

  it('gives every registered agency\'s steps, officers named, and the code\'s validity', async () => {
    const { service, read } = serviceWith(async () => ({ leadPlanId: 'P1', expiresAt: EXPIRES }));
    expect(await service.trailByCode('T')).toEqual({
      agencies: [
        { agencyName: '市市场监督管理局', steps: [{ step: '报备', detail: '', by: { name: '张伟', certNo: '豫C0000001' }, at: '2026-05-10T01:00:00.000Z' }] },
        { agencyName: '市消防救援支队', steps: [{ step: '报备', detail: '', by: { name: '李娜', certNo: '豫C0000002' }, at: '2026-05-10T01:00:00.000Z' }] },
      ],
      validUntil: EXPIRES.toISOString(),
    });
    expect(read).toEqual(['P1', 'P2']);
  });

  it('reads an inspection\'s trail whole for supervisors and discipline, without ratings\' content for the agency', async () => {
    const { service, readers } = serviceWith(async () => ({ leadPlanId: 'P1', expiresAt: EXPIRES }));
    const user = (role: Role, agencyId: string | null): SessionUser => ({ id: 1, username: 'u', role, displayName: 'u', agencyId, officerId: null });
    for (const who of [user(Role.Supervisor, null), user(Role.Discipline, null), user(Role.AgencyAdmin, 'A1'), user(Role.Officer, 'A1')]) await service.trail(who, 'P1');
    expect(readers).toEqual(['overseer', 'overseer', 'agency', 'agency']);
    // Users by their names, not their accounts; the system by nothing.
    expect((await service.trail(user(Role.Supervisor, null), 'P1')).entries.map((e) => e.actorName)).toEqual(['张伟', null]);
    await expect(service.trail(user(Role.AgencyAdmin, 'A2'), 'P1')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
