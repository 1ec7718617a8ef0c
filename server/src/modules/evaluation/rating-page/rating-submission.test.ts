import { ErrorCode, evidenceText, unlabelledEvidenceKeys, type RatingInput } from '@mashang/shared';
import type { Transactions, Tx } from '../../../infra/database/tx.js';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { FlagRaiser, RaiseFlag } from '../../flags/index.js';
import type { AgencyRepository } from '../../registry/index.js';
import type { TrailRepository } from '../../trail/index.js';
import type { RatingInviteRepository } from '../rating-invite.repository.js';
import type { RatingRecord } from '@mashang/shared';
import type { RatingRepository } from '../rating.repository.js';
import type { InviteCredentials } from './invite-credentials.js';
import { ratingDigest } from '../rating-digest.js';
import { RatingSubmission } from './rating-submission.js';

const TX = { tx: true } as unknown as Tx;
const NOW = new Date('2026-05-10T02:00:00Z');
const INVITE = { id: 'inv-1', creditCode: '92410202MA0000011X', inspectionDate: '2026-05-09', expiresAt: new Date('2026-05-17T00:00:00Z') };
const good: RatingInput = { agencyId: 'A1', language: 5, procedure: 5, manner: 4, fairness: 5, verdict: 'approve', flags: [] };
const poor: RatingInput = { agencyId: 'A2', language: 2, procedure: 3, manner: 3, fairness: 3, verdict: 'approve', flags: ['repeated'], comment: ' 一个月来了两次 ' };

/** A joint inspection by A1 (lead) and A2, with the ratings already stored and what each fake was asked to write. */
function setUp(stored: { inspectionId: string; agencyId: string }[] = []) {
  const writes: string[] = [];
  const ratings: (RatingRecord & { digestSalt: string })[] = [];
  const trail: { inspectionId: string; kind: string; detail: Record<string, unknown> }[] = [];
  const flags: RaiseFlag[] = [];
  const fakes = {
    transactions: { run: (work: (tx: Tx) => Promise<unknown>) => work(TX) } as unknown as Transactions,
    credentials: { open: async (_text: string, _ip: string, _now: Date, tx?: Tx) => (expect(tx).toBe(TX), INVITE) } as unknown as InviteCredentials,
    invites: {
      lockAgencies: async () => [{ inspectionId: 'P1', agencyId: 'A1' }, { inspectionId: 'P2', agencyId: 'A2' }],
      unratedCount: async () => 2 - stored.length - ratings.length,
    } as unknown as RatingInviteRepository,
    ratings: {
      insert: async (rating: RatingRecord & { digestSalt: string }, tx: Tx) => {
        expect(tx).toBe(TX);
        if ([...stored, ...ratings].some((r) => r.inspectionId === rating.inspectionId && r.agencyId === rating.agencyId)) return false;
        ratings.push(rating);
        writes.push(`rating ${rating.agencyId}`);
        return true;
      },
    } as unknown as RatingRepository,
    agencies: { namesOf: async () => new Map([['A1', '市市场监督管理局'], ['A2', '市生态环境局']]) } as unknown as AgencyRepository,
    trail: {
      append: async (entry: { inspectionId: string; kind: string; detail: Record<string, unknown> }) => (trail.push(entry), void writes.push(`trail ${entry.kind} ${entry.inspectionId}`)),
    } as unknown as TrailRepository,
    flagRaiser: {
      raiseOne: async (flag: RaiseFlag, _at: Date, tx: Tx) => {
        expect(tx).toBe(TX);
        flags.push(flag);
        writes.push(`flag ${flag.dedupeKey}`);
        return { id: 'case-1', created: true };
      },
    } as unknown as FlagRaiser,
  };
  const submission = new RatingSubmission(fakes.transactions, fakes.credentials, fakes.invites, fakes.ratings, fakes.agencies, fakes.trail, fakes.flagRaiser);
  return { submission, writes, ratings, flags, trail };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = (await promise.then(() => null, (e: unknown) => e)) as DomainError | null;
  expect(error).not.toBeNull();
  return error!;
};

describe('submitting ratings', () => {
  it('records a good rating and its trail entry, raising nothing', async () => {
    const { submission, writes, flags } = setUp();
    expect(await submission.submit('link-token', { ratings: [good] }, '10.0.0.1', NOW)).toEqual({ rated: ['A1'], remaining: 1 });
    expect(writes).toEqual(['rating A1', 'trail rated P1']);
    expect(flags).toEqual([]);
  });

  it('raises one flagged case for a poor rating, after the rating and its trail entry, keyed to the agency in that inspection', async () => {
    const { submission, writes, flags, ratings } = setUp();
    await submission.submit('link-token', { ratings: [good, poor] }, '10.0.0.1', NOW);
    expect(writes).toEqual(['rating A1', 'trail rated P1', 'rating A2', 'trail rated P2', 'flag rating:P2:A2']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      source: 'rating', rule: 'low-score', severity: 'medium', subjectType: 'inspection', subjectId: 'P2', agencyId: 'A2', inspectionId: 'P2',
      creditCode: INVITE.creditCode, actor: 'enterprise', title: '企业差评：市生态环境局（评分偏低）',
    });
    // The supervisor's evidence is the whole rating; the title, which the rated agency reads, only its kind.
    expect(flags[0].evidence).toMatchObject({ language: 2, flags: ['repeated'], comment: '一个月来了两次', reasons: ['执法语言是否文明：2分', '企业反映：重复检查'] });
    // Every key of it reads in Chinese on the case page.
    expect(unlabelledEvidenceKeys(flags[0].evidence)).toEqual([]);
    expect(evidenceText(flags[0].evidence)).toBe(
      '执法语言是否文明：2 分；执法程序是否规范：3 分；执法方式是否柔性：3 分；执法结果是否公平：3 分；评价结论：认可；企业反映的问题：重复检查；' +
        '企业意见：一个月来了两次；转交监督的原因：执法语言是否文明：2分、企业反映：重复检查；检查日期：2026-05-09',
    );
    expect(ratings[1]).toMatchObject({ flags: ['repeated'], comment: '一个月来了两次', ratedAt: NOW });
  });

  it('records on the trail that a rating happened and its salted digest, never its scores or comment', async () => {
    const { submission, ratings, trail } = setUp();
    await submission.submit('link-token', { ratings: [good, poor] }, '10.0.0.1', NOW);
    expect(trail.map((e) => Object.keys(e.detail).sort())).toEqual([['agencyId', 'ratingDigest'], ['agencyId', 'ratingDigest']]);
    for (const [i, rating] of ratings.entries()) {
      expect(rating.digestSalt).toMatch(/^[0-9a-f]{32}$/);
      const { digestSalt, ...stored } = rating;
      expect(trail[i].detail).toEqual({ agencyId: rating.agencyId, ratingDigest: ratingDigest(stored, digestSalt) });
    }
    expect(ratings[0].digestSalt).not.toBe(ratings[1].digestSalt);
    expect(JSON.stringify(trail)).not.toContain('一个月来了两次');
  });

  it('refuses a second rating of the same agency and writes nothing more', async () => {
    const { submission, writes, flags } = setUp([{ inspectionId: 'P2', agencyId: 'A2' }]);
    const error = await refusal(submission.submit('link-token', { ratings: [poor] }, '10.0.0.1', NOW));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.message).toBe('您已经评价过市生态环境局，每个部门只能评价一次。');
    expect(writes).toEqual([]);
    expect(flags).toEqual([]);
  });

  it('refuses the same agency twice in one submission, writing nothing', async () => {
    const { submission, writes } = setUp();
    const error = await refusal(submission.submit('link-token', { ratings: [good, good] }, '10.0.0.1', NOW));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(writes).toEqual([]);
  });

  it('refuses an agency the inspection did not have', async () => {
    const { submission, writes } = setUp();
    const error = await refusal(submission.submit('link-token', { ratings: [{ ...good, agencyId: 'A9' }] }, '10.0.0.1', NOW));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(writes).toEqual([]);
  });
});
