import { ErrorCode } from '@mashang/shared';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import { credentialHash, type InvitedAgency, type RatingInviteRepository } from '../../evaluation/index.js';
import type { FlaggedCaseQueueRepository } from '../../flags/index.js';
import type { AgencyRepository } from '../../registry/index.js';
import { ComplaintOutcomes } from './complaint-outcomes.js';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';
const UPDATED = new Date('2026-05-12T03:00:00Z');

function setUp() {
  const lookedUp: string[][] = [];
  const outcomes = new ComplaintOutcomes(
    {
      opened: async (by: string, hash: string) => (by === 'link' && hash === credentialHash({ kind: 'link', token: TOKEN }) ? { id: 'inv-1' } : null),
      agencies: async (): Promise<InvitedAgency[]> => [
        { inviteId: 'inv-1', inspectionId: 'P1', agencyId: 'A1', rated: true },
        { inviteId: 'inv-1', inspectionId: 'P2', agencyId: 'A2', rated: true },
        { inviteId: 'inv-1', inspectionId: 'P3', agencyId: 'A3', rated: false },
      ],
    } as unknown as RatingInviteRepository,
    {
      byDedupeKeys: async (keys: string[]) => (lookedUp.push(keys), [
        { id: 'c3', dedupeKey: 'rating:P3:A3', status: 'rectifying', conclusion: null, updatedAt: UPDATED },
        { id: 'c1', dedupeKey: 'rating:P1:A1', status: 'closed', conclusion: 'rectified', updatedAt: UPDATED },
      ]),
    } as unknown as FlaggedCaseQueueRepository,
    { namesOf: async () => new Map([['A1', '市市场监督管理局']]) } as unknown as AgencyRepository,
  );
  return { outcomes, lookedUp };
}

describe('the enterprise\'s outcome page', () => {
  it('shows the cases its ratings raised, in the invite\'s agency order, with labels', async () => {
    const { outcomes, lookedUp } = setUp();
    expect(await outcomes.outcomes(TOKEN)).toEqual([
      { caseId: 'c1', agencyName: '市市场监督管理局', status: 'closed', statusLabel: '已办结', conclusion: 'rectified', conclusionLabel: '已整改（立行立改）', updatedAt: UPDATED.toISOString() },
      { caseId: 'c3', agencyName: null, status: 'rectifying', statusLabel: '整改中', conclusion: null, conclusionLabel: null, updatedAt: UPDATED.toISOString() },
    ]);
    expect(lookedUp).toEqual([['rating:P1:A1', 'rating:P2:A2', 'rating:P3:A3']]);
  });

  it('accepts the link token only: a typed code or an unknown link is refused', async () => {
    const { outcomes } = setUp();
    for (const text of ['ABCD-2345', 'Q'.repeat(22), 'nonsense']) {
      expect(((await outcomes.outcomes(text).catch((e: unknown) => e)) as DomainError).code).toBe(ErrorCode.CodeInvalid);
    }
  });
});
