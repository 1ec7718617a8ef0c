import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { CaseEventRow, FlaggedCaseRepository } from '../../flags/index.js';
import type { ReviewEventEntry, ReviewRepository, ReviewStatus } from '../review.repository.js';
import { DecideReview } from './decide-review.js';
import type { ReviewViews } from './review-views.js';

const NOW = new Date('2026-11-24T02:00:00Z');
const supervisor: SessionUser = { id: 9, username: 'supervisor', role: Role.Supervisor, displayName: '王敏', agencyId: null, officerId: null };

/** DecideReview over fakes; `written` logs each write in order. */
function decidingOn(status: ReviewStatus | null) {
  const written: string[] = [];
  const transactions = { run: (work: (tx: Tx) => Promise<unknown>) => work({} as Tx) } as unknown as Transactions;
  const reviews = {
    lockStatus: async () => status,
    setStatus: async (id: string, next: ReviewStatus) => void written.push(`${id} ${next}`),
    appendEvent: async (e: ReviewEventEntry) => void written.push(`event ${e.kind} by ${e.actor}: ${e.note}`),
  } as unknown as ReviewRepository;
  const cases = {
    appendEventByDedupeKey: async (key: string, e: Omit<CaseEventRow, 'caseId'>) => void written.push(`case ${key}: ${e.kind} ${JSON.stringify(e.detail)}`),
  } as unknown as FlaggedCaseRepository;
  const views = { get: async (_user: SessionUser, id: string) => ({ id }) } as unknown as ReviewViews;
  const deciding = new DecideReview(transactions, reviews, cases, views);
  return { decide: (accept: boolean) => deciding.decide(supervisor, 'RV1', accept, ' 结果应当复查 ', NOW), written };
}

describe('deciding a review request', () => {
  it('records the decision on the request and in the log of the case it raised', async () => {
    const { decide, written } = decidingOn('pending');
    await decide(false);
    expect(written).toEqual([
      'RV1 rejected',
      'event rejected by user:9:supervisor: 结果应当复查',
      'case review:RV1: review-decided {"decision":"rejected","note":"结果应当复查"}',
    ]);
  });

  it('decides once: a decided or unknown request is refused and nothing is written', async () => {
    const decided = decidingOn('accepted');
    expect((await decided.decide(true).then(() => null, (e: DomainError) => e))?.code).toBe(ErrorCode.Conflict);
    const unknown = decidingOn(null);
    expect((await unknown.decide(true).then(() => null, (e: DomainError) => e))?.code).toBe(ErrorCode.NotFound);
    expect([...decided.written, ...unknown.written]).toEqual([]);
  });
});
