import { ErrorCode, Role, type SessionUser } from '@mashang/shared';
import type { DomainError } from '../../../infra/errors/domain-error.js';
import type { UserRepository } from '../../auth/index.js';
import type { CaseRepository } from '../../cases/index.js';
import type { RatingRepository } from '../../evaluation/index.js';
import type { CaseOnFile, FlaggedCaseQueueRepository, QueuedCase } from '../../flags/index.js';
import type { StoredInspection, InspectionRepository } from '../../inspections/index.js';
import type { DocumentRepository } from '../../onsite/index.js';
import type { AgencyRepository, EnterpriseRepository, OfficerRepository } from '../../registry/index.js';
import type { TrailRepository } from '../../trail/index.js';
import type { CaseAttachmentRepository } from '../case-attachment.repository.js';
import { CaseNames } from '../case-names.js';
import type { CreditRecordRepository } from '../credit-record.repository.js';
import { CaseDetails } from './case-details.js';

const NOW = new Date('2026-05-10T02:00:00Z');
const user = (id: number, role: Role, agencyId: string | null = null): SessionUser => ({ id, username: `u${id}`, role, displayName: `用户${id}`, agencyId, officerId: null });
const supervisor = user(7, Role.Supervisor);
const admin1 = user(11, Role.AgencyAdmin, 'A1');
const admin2 = user(12, Role.AgencyAdmin, 'A2');

const queued = (id: string, overrides: Partial<QueuedCase> = {}): QueuedCase => ({
  id, source: 'anomaly', rule: 'officer-overload', severity: 'medium', title: '执法人员检查量异常', status: 'open', conclusion: null, agencyId: 'A1',
  creditCode: null, officerId: 'O1', inspectionId: null, assigneeId: null, deadline: null, createdAt: new Date('2026-05-08T02:00:00Z'), updatedAt: NOW, ...overrides,
});
const ANOMALY: CaseOnFile = { ...queued('c1'), subjectType: 'officer', subjectId: 'O1', evidence: JSON.stringify({ inspectionIds: ['X0', 'X1'], caseIds: ['C9'] }) };
const RATING: CaseOnFile = {
  ...queued('c2', { source: 'rating', rule: 'disapprove', severity: 'high', title: '企业差评：市市场监督管理局（执法语言是否文明：1分）', creditCode: '92410202MA0000011X', inspectionId: 'X1' }),
  subjectType: 'inspection',
  subjectId: 'X1',
  evidence: JSON.stringify({ language: 1, procedure: 2, manner: 1, fairness: 1, verdict: 'disapprove', flags: ['repeated', 'excessive'], comment: '一个月来了两次', reasons: ['企业不认可本次检查'], inspectionDate: '2026-05-01' }),
};
const REVIEW: CaseOnFile = { ...queued('c3', { source: 'review', rule: null, title: '异议复查', creditCode: '92410202MA0000011X', inspectionId: 'X1' }), subjectType: 'review', subjectId: 'R1', evidence: '{}' };
const record = (id: string): StoredInspection => ({
  id, agencyId: 'A1', creditCode: '92410202MA0000011X', trigger: 'planned', jointId: null, startedAt: new Date('2026-05-01T01:00:00Z'), finishedAt: new Date('2026-05-01T02:00:00Z'), coded: true, result: 'case',
});

function setUp(ratingLog: { kind: string; detail: string }[] = []) {
  const asked: { related?: unknown[]; nameLookups: string[]; inspections: string[][]; read: string[] } = { nameLookups: [], inspections: [], read: [] };
  const reading = <T>(what: string, answer: T) => async () => (asked.read.push(what), answer);
  const names = (owner: string, table: Record<string, string>) => async (ids: (string | number)[]) =>
    (asked.nameLookups.push(owner), new Map(ids.map(String).filter((id) => table[id]).map((id) => [id, table[id]])));
  const details = new CaseDetails(
    {
      byId: async (id: string) => ({ c1: ANOMALY, c2: RATING, c3: REVIEW })[id] ?? null,
      events: async (id: string) => (id === 'c2'
        ? ratingLog.map((e, i) => ({ id: String(i + 1), actor: i ? 'user:7:sup' : 'enterprise', at: NOW, ...e }))
        : [
          { id: '1', kind: 'raised', actor: 'system:nightly-report', detail: '{"source":"anomaly"}', at: new Date('2026-05-08T02:00:00Z') },
          { id: '2', kind: 'note', actor: 'user:7:sup', detail: 'not json', at: NOW },
        ]),
      related: async (...args: unknown[]) => ((asked.related = args), [queued('c0', { officerId: 'O1', createdAt: new Date('2026-04-01T00:00:00Z') })]),
    } as unknown as FlaggedCaseQueueRepository,
    new CaseNames(
      { namesOf: names('agencies', { A1: '市市场监督管理局' }) } as unknown as AgencyRepository,
      { namesOf: names('enterprises', {}) } as unknown as EnterpriseRepository,
      { namesOf: names('officers', { O1: '张伟' }) } as unknown as OfficerRepository,
      { displayNames: names('users', {}) } as unknown as UserRepository,
    ),
    {
      actorNames: async (actors: string[]) => new Map(actors.filter((a) => a.startsWith('user:7:') || a.startsWith('user:5:')).map((a) => [a, a.startsWith('user:7:') ? '监督员' : '张伟'])),
    } as unknown as UserRepository,
    { byIds: async (ids: string[]) => (asked.inspections.push(ids), ids.map(record)) } as unknown as InspectionRepository,
    { namesOf: async () => new Map([['A1', '市市场监督管理局']]) } as unknown as AgencyRepository,
    {
      entries: reading('trail', [
        { inspectionId: 'X1', seq: 1, kind: 'rated', actor: 'enterprise', detail: '{"agencyId":"A1","language":1,"comment":"一个月来了两次"}', at: NOW, prevHash: '0', hash: 'h1' },
      ]),
    } as unknown as TrailRepository,
    {
      ofInspection: reading('ratings', [
        { inspectionId: 'X1', agencyId: 'A1', language: 1, procedure: 2, manner: 1, fairness: 1, verdict: 'disapprove', flags: ['repeated'], comment: '一个月来了两次', ratedAt: NOW },
      ]),
    } as unknown as RatingRepository,
    { ofPlan: reading('documents', []) } as unknown as DocumentRepository,
    {
      summaries: async (ids: string[]) => ids.map((id) => ({ id, agencyId: 'A1', cause: 'FSL-87', status: 'filed', filedAt: new Date('2026-05-02T00:00:00Z'), fine: '500000' })),
    } as unknown as CaseRepository,
    { ofCase: async () => [] } as unknown as CaseAttachmentRepository,
    { ofEnterprise: reading('credit', []) } as unknown as CreditRecordRepository,
  );
  return { details, asked };
}

describe('one flagged case with its evidence', () => {
  it('shows a case without an inspection: its log with user names, the evidence\'s records, related cases, the steps allowed', async () => {
    const { details, asked } = setUp();
    const detail = await details.get(supervisor, 'c1', NOW);
    expect(detail.case).toMatchObject({ id: 'c1', agencyName: '市市场监督管理局', officerName: '张伟', subjectType: 'officer', evidence: { inspectionIds: ['X0', 'X1'], caseIds: ['C9'] } });
    expect(detail.events.map((e) => [e.actorName, e.detail])).toEqual([[null, { source: 'anomaly' }], ['监督员', { text: 'not json' }]]);
    expect(detail.inspection).toBeNull();
    expect(detail.documents).toBeNull();
    expect(detail.trail).toEqual([]);
    expect(asked.read).toEqual([]);
    expect(asked.inspections).toEqual([['X0', 'X1']]);
    expect(detail.evidenceRecords.inspections.map((i) => [i.id, i.agencyName])).toEqual([['X0', '市市场监督管理局'], ['X1', '市市场监督管理局']]);
    expect(detail.evidenceRecords.cases).toEqual([{ id: 'C9', agencyId: 'A1', cause: 'FSL-87', status: 'filed', filedAt: '2026-05-02T00:00:00.000Z', fine: '500000' }]);
    expect(detail.related.map((r) => [r.id, r.officerName])).toEqual([['c0', '张伟']]);
    // The case and its related cases named together: one look-up per register.
    expect(asked.nameLookups).toEqual(['agencies', 'enterprises', 'officers', 'users']);
    expect(asked.related).toEqual(['c1', ANOMALY, ANOMALY.createdAt, null, 20]);
    expect(detail.allowedActions).toContain('assign');
  });

  it('shows an agency admin its own agency\'s case with related cases of its agency only, and refuses another agency\'s', async () => {
    const { details, asked } = setUp();
    expect((await details.get(admin1, 'c1', NOW)).allowedActions).toEqual(['note']);
    expect(asked.related?.[3]).toBe('A1');
    expect(((await details.get(admin2, 'c1', NOW).catch((e: unknown) => e)) as DomainError).code).toBe(ErrorCode.Forbidden);
    expect(((await details.get(supervisor, 'nope', NOW).catch((e: unknown) => e)) as DomainError).code).toBe(ErrorCode.NotFound);
  });

  describe('a case a rating raised', () => {
    const raised = { kind: 'raised', detail: JSON.stringify({ source: 'rating', rule: 'disapprove', title: RATING.title }) };

    it('shows supervisors everything: the rating, the trail, the inspection, the whole evidence', async () => {
      const { details, asked } = setUp([raised]);
      const detail = await details.get(supervisor, 'c2', NOW);
      expect(detail.anonymity).toBeNull();
      expect(detail.case).toMatchObject({ title: RATING.title, creditCode: '92410202MA0000011X', inspectionId: 'X1', subjectId: 'X1', evidence: expect.objectContaining({ comment: '一个月来了两次', language: 1 }) });
      expect(detail.ratings).toEqual([expect.objectContaining({ comment: '一个月来了两次' })]);
      expect(detail.trail[0].detail).toEqual({ agencyId: 'A1', language: 1, comment: '一个月来了两次' });
      // Users on the trail by their names; the enterprise is named by no one's account.
      expect(detail.trail.map((t) => t.actorName)).toEqual([null]);
      expect(detail.inspection).toMatchObject({ id: 'X1' });
      expect(asked.read.sort()).toEqual(['credit', 'documents', 'ratings', 'trail']);
      expect(detail.allowedActions).toContain('investigate');
    });

    it('shows the rated agency the kind of complaint and the inspection\'s date, nothing that names who rated or what was said', async () => {
      const { details, asked } = setUp([raised]);
      const detail = await details.get(admin1, 'c2', NOW);
      expect(detail.anonymity).toEqual({ substancePassedOn: false });
      expect(detail.case).toMatchObject({
        title: '企业差评：市市场监督管理局（企业不认可本次检查）', creditCode: null, enterpriseName: null, inspectionId: null, subjectId: '', evidence: { inspectionDate: '2026-05-01' },
      });
      expect(detail.events[0].detail).toEqual({ source: 'rating', rule: 'disapprove', title: '企业差评：市市场监督管理局（企业不认可本次检查）' });
      expect([detail.inspection, detail.trail, detail.documents, detail.ratings, detail.related, detail.creditRecords]).toEqual([null, [], [], [], [], []]);
      expect(asked.read).toEqual([]);
      expect(asked.related).toBeUndefined();
      const text = JSON.stringify(detail);
      for (const secret of ['一个月来了两次', '92410202MA0000011X', 'X1', '1分', 'language']) expect(text).not.toContain(secret);
    });

    it('shows the rated agency the problems and the comment once a supervisor has passed them on, still not who rated', async () => {
      const { details } = setUp([raised, { kind: 'substance-passed-on', detail: JSON.stringify({ action: 'pass-on-substance', note: '请说明' }) }]);
      const detail = await details.get(admin1, 'c2', NOW);
      expect(detail.anonymity).toEqual({ substancePassedOn: true });
      expect(detail.case.evidence).toEqual({ inspectionDate: '2026-05-01', problems: ['重复检查', '滥检查'], comment: '一个月来了两次' });
      expect(detail.case.creditCode).toBeNull();
      expect(detail.ratings).toEqual([]);
      expect((await details.get(supervisor, 'c2', NOW)).allowedActions).not.toContain('pass-on-substance');
    });
  });

  it('keeps individual ratings and the content of rated trail entries from an agency admin on any case, and rating cases out of its related cases', async () => {
    const { details, asked } = setUp();
    const detail = await details.get(admin1, 'c3', NOW);
    expect(detail.anonymity).toBeNull();
    expect(detail.inspection).toMatchObject({ id: 'X1' });
    expect(detail.ratings).toEqual([]);
    expect(asked.read).not.toContain('ratings');
    expect(detail.trail.map((t) => [t.kind, t.detail])).toEqual([['rated', { agencyId: 'A1' }]]);
    expect(asked.related).toEqual(['c3', REVIEW, REVIEW.createdAt, 'A1', 20, ['rating']]);
    expect((await details.get(supervisor, 'c3', NOW)).ratings).toHaveLength(1);
  });
});
