import { evidenceText, Role, unlabelledEvidenceKeys, type CaseEventView, type CaseListItem, type SessionUser } from '@mashang/shared';
import { evidenceFor, eventsFor, listedFor, sourcesHiddenFrom } from './case-disclosure.js';

const user = (role: Role, agencyId: string | null = null): SessionUser => ({ id: 1, username: 'u', role, displayName: 'u', agencyId, officerId: null });
const admin = user(Role.AgencyAdmin, 'A1');
const RATING_EVIDENCE = { language: 1, procedure: 2, manner: 1, fairness: 1, verdict: 'disapprove', flags: ['repeated'], comment: '一个月来了两次', reasons: ['企业不认可本次检查'], inspectionDate: '2026-05-01' };

describe('what the rated agency may know of a case', () => {
  it('lists a rating\'s case without the enterprise or inspection; other cases, and every case for overseers, as they are', () => {
    const item = { id: 'c1', source: 'rating', rule: 'low-score', title: '企业差评：市市场监督管理局（执法语言是否文明：1分）', agencyName: '市市场监督管理局', creditCode: '92410202MA0000011X', enterpriseName: '老王烩面馆', inspectionId: 'X1' } as CaseListItem;
    expect(listedFor(admin, item)).toMatchObject({ title: '企业差评：市市场监督管理局（评分偏低）', creditCode: null, enterpriseName: null, inspectionId: null });
    for (const overseer of [user(Role.Supervisor), user(Role.Discipline)]) expect(listedFor(overseer, item)).toBe(item);
    expect(listedFor(admin, { ...item, source: 'review' })).toMatchObject({ creditCode: '92410202MA0000011X', inspectionId: 'X1' });
    expect(sourcesHiddenFrom(admin)).toEqual(['rating']);
    expect(sourcesHiddenFrom(user(Role.Supervisor))).toEqual([]);
  });

  it('gives the agency the inspection\'s date, and the problems and comment only once passed on; never the scores', () => {
    const rating = { source: 'rating' as const, rule: 'disapprove' };
    expect(evidenceFor(admin, rating, RATING_EVIDENCE, { inspectionDate: null, substancePassedOn: false })).toEqual({ inspectionDate: '2026-05-01' });
    expect(evidenceFor(admin, rating, { verdict: 'disapprove' }, { inspectionDate: '2026-04-30', substancePassedOn: false })).toEqual({ inspectionDate: '2026-04-30' });
    expect(evidenceFor(admin, rating, RATING_EVIDENCE, { inspectionDate: null, substancePassedOn: true })).toEqual({ inspectionDate: '2026-05-01', problems: ['重复检查'], comment: '一个月来了两次' });
    expect(evidenceFor(user(Role.Supervisor), rating, RATING_EVIDENCE, { inspectionDate: null, substancePassedOn: false })).toBe(RATING_EVIDENCE);
    // What the agency reads of it, in Chinese: every key has its label.
    const passedOn = evidenceFor(admin, rating, RATING_EVIDENCE, { inspectionDate: null, substancePassedOn: true });
    expect(unlabelledEvidenceKeys(passedOn)).toEqual([]);
    expect(evidenceText(passedOn)).toBe('检查日期：2026-05-01；企业反映的问题：重复检查；企业意见：一个月来了两次');
  });

  it('keeps which inspections were disapproved out of a low-satisfaction finding\'s evidence for the agency', () => {
    const evidence = { asOf: '2026-05-09', ratings: 12, disapprovals: 6, latestDisapproved: ['X1'] };
    expect(evidenceFor(admin, { source: 'anomaly', rule: 'low-satisfaction' }, evidence, { inspectionDate: null, substancePassedOn: false })).toEqual({ asOf: '2026-05-09', ratings: 12, disapprovals: 6 });
    expect(evidenceFor(user(Role.Discipline), { source: 'anomaly', rule: 'low-satisfaction' }, evidence, { inspectionDate: null, substancePassedOn: false })).toBe(evidence);
  });

  it('keeps a complaint\'s contact phone from the agency it is about', () => {
    const evidence = { complaintId: 'q1', channel: 'portal', content: '检查人员态度粗暴', contactPhone: '138****0831', contactRegistered: true };
    const complaint = { source: 'complaint' as const, rule: null };
    expect(evidenceFor(admin, complaint, evidence, { inspectionDate: null, substancePassedOn: false })).toEqual({ complaintId: 'q1', channel: 'portal', content: '检查人员态度粗暴', contactRegistered: true });
    expect(evidenceFor(user(Role.Supervisor), complaint, evidence, { inspectionDate: null, substancePassedOn: false })).toBe(evidence);
  });

  it('gives the rated agency the listed title in the raised event, not the stored one', () => {
    const events: CaseEventView[] = [
      { id: '1', kind: 'raised', actor: 'enterprise', actorName: null, detail: { source: 'rating', rule: 'low-score', title: '企业差评：市市场监督管理局（执法语言是否文明：1分）' }, at: '' },
      { id: '2', kind: 'note', actor: 'user:7:sup', actorName: '监督员', detail: { note: '调查' }, at: '' },
    ];
    const item = { source: 'rating', title: '企业差评：市市场监督管理局（评分偏低）' } as CaseListItem;
    expect(eventsFor(admin, item, events).map((e) => e.detail)).toEqual([{ source: 'rating', rule: 'low-score', title: '企业差评：市市场监督管理局（评分偏低）' }, { note: '调查' }]);
    expect(eventsFor(user(Role.Supervisor), item, events)).toBe(events);
  });
});
