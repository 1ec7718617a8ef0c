import { ErrorCode, evidenceText, Role, unlabelledEvidenceKeys, type SessionUser } from '@mashang/shared';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { FlagRaiser, RaiseFlag } from '../../flags/index.js';
import type { InspectionRepository } from '../../inspections/index.js';
import type { AgencyRepository } from '../../registry/index.js';
import type { ReviewEventEntry, ReviewRepository, StoredReview } from '../review.repository.js';
import { RequestReview } from './request-review.js';
import type { ReviewViews } from './review-views.js';

const NOW = new Date('2026-11-24T02:00:00Z');
const DAY = 86_400_000;
const KINDS: Record<string, string> = { A1: 'market', A2: 'fire', A3: 'market' };
const INSPECTIONS = [
  { id: 'R1', agencyId: 'A1', creditCode: '91440300708461136T', startedAt: new Date(NOW.getTime() - 20 * DAY), result: 'pass' },
  { id: 'OLD', agencyId: 'A1', creditCode: '91440300708461136T', startedAt: new Date(NOW.getTime() - 190 * DAY), result: 'pass' },
];
const officerOf = (agencyId: string): SessionUser => ({ id: 7, username: `officer-${agencyId}`, role: Role.Officer, displayName: '某某', agencyId, officerId: null });

/** RequestReview over fakes; `written` logs each write in order. */
function reviewsWith({ pendingFor = [] as string[] } = {}) {
  const written: string[] = [];
  const transactions = { run: (work: (tx: Tx) => Promise<unknown>) => work({} as Tx) } as unknown as Transactions;
  const reviews = {
    lockPending: async (inspectionId: string, agencyId: string) => pendingFor.includes(`${inspectionId}:${agencyId}`),
    insert: async (r: StoredReview) => void written.push(`request by ${r.agencyId} on ${r.inspectionId} (${r.creditCode}), ${r.status}: ${r.reason}`),
    appendEvent: async (e: ReviewEventEntry) => void written.push(`event ${e.kind}: ${e.note}`),
  } as unknown as ReviewRepository;
  const inspections = { byId: async (id: string) => INSPECTIONS.find((i) => i.id === id) ?? null } as unknown as InspectionRepository;
  const agencies = { kindsOf: async (ids: string[]) => new Map(ids.filter((id) => KINDS[id]).map((id) => [id, KINDS[id]])) } as unknown as AgencyRepository;
  const raised: RaiseFlag[] = [];
  const flags = { raiseOne: async (f: RaiseFlag) => { raised.push(f); written.push(`case ${f.source} for ${f.agencyId} on ${f.inspectionId}`); } } as unknown as FlagRaiser;
  const views = { get: async (_user: SessionUser, id: string) => ({ id }) } as unknown as ReviewViews;
  const requesting = new RequestReview(transactions, reviews, inspections, agencies, flags, views);
  return { request: (agencyId: string, inspectionId: string) => requesting.request(officerOf(agencyId), inspectionId, '  群众反映后厨卫生问题未被记录 ', NOW), written, raised };
}

async function refusal(attempt: Promise<unknown>): Promise<DomainError> {
  const error = await attempt.then(() => null, (e: DomainError) => e);
  if (!error) throw new Error('expected the request to be refused');
  return error;
}

describe('requesting a review (异议复查)', () => {
  it('stores the request, its first event and a case for the supervisor, in that order', async () => {
    const { request, written, raised } = reviewsWith();
    await expect(request('A3', 'R1')).resolves.toEqual({ id: expect.any(String) });
    expect(written).toEqual([
      'request by A3 on R1 (91440300708461136T), pending: 群众反映后厨卫生问题未被记录',
      'event requested: 群众反映后厨卫生问题未被记录',
      'case review for A1 on R1',
    ]);
    // The case's evidence reads in Chinese: every key has its label.
    expect(unlabelledEvidenceKeys(raised[0].evidence)).toEqual([]);
    expect(evidenceText(raised[0].evidence)).toBe(`复查申请：${raised[0].evidence.reviewId}；检查：R1；申请部门：A3；理由：群众反映后厨卫生问题未被记录`);
  });

  it.each([
    ['its own agency', 'A1', 'R1', '不能对本部门自己的检查结果申请异议复查'],
    ['another industry', 'A2', 'R1', '只能对同行业部门的检查结果申请异议复查'],
    ['a result older than six months', 'A3', 'OLD', '只能对近六个月内的检查结果申请异议复查'],
    ['no inspection at all', 'A3', 'NOPE', '检查记录不存在'],
  ])('refuses to dispute %s, writing nothing', async (_what, agencyId, inspectionId, reason) => {
    const { request, written } = reviewsWith();
    const error = await refusal(request(agencyId, inspectionId));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.fields).toEqual([{ field: 'inspectionId', reason }]);
    expect(written).toEqual([]);
  });

  it('refuses a second pending request of the same agency on the same result', async () => {
    const { request, written } = reviewsWith({ pendingFor: ['R1:A3'] });
    expect((await refusal(request('A3', 'R1'))).code).toBe(ErrorCode.Conflict);
    expect(written).toEqual([]);
  });
});
