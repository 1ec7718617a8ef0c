import { PARTY_SUBMISSION_TEXT_MAX } from '@mashang/shared';
import { countByKind, openSubmissions, PARTY_SUBMISSION_LIMITS, submissionRefusal, submissionText, type SubmissionWindow } from './party-submission-rules.js';

const NOTICED = new Date('2026-03-02T02:00:00Z');
const day = (n: number) => new Date(NOTICED.getTime() + n * 86_400_000);
const none = { statement: 0, hearing: 0, objection: 0 };
/** Noticed with a fine that allows a hearing: 3 days to state, 5 to ask for a hearing. */
const window = (change: Partial<SubmissionWindow> = {}): SubmissionWindow => ({
  stage: 'notified', statementUntil: day(3), hearingUntil: day(5), hearingRequestedAt: null, sent: none, ...change,
});

describe('what the party may send through the supervision code', () => {
  it('opens all three while the statement period runs and the fine allows a hearing', () => {
    expect(openSubmissions(window(), day(1))).toEqual(['statement', 'hearing', 'objection']);
  });

  it('takes a statement up to the last instant of the period, not after', () => {
    expect(submissionRefusal('statement', window(), day(3))).toBeNull();
    expect(submissionRefusal('statement', window(), new Date(day(3).getTime() + 1))).toContain('陈述申辩期已届满');
    expect(openSubmissions(window(), day(4))).toEqual(['hearing', 'objection']);
  });

  it('takes no statement once the case has left the notice stage', () => {
    expect(submissionRefusal('statement', window({ stage: 'review' }), day(1))).toContain('陈述申辩期已结束');
    expect(submissionRefusal('statement', window({ stage: 'decided' }), day(1))).toContain('陈述申辩期已结束');
    expect(submissionRefusal('statement', window({ statementUntil: null }), day(1))).toContain('已届满');
  });

  it('offers no hearing when the fine does not allow one, after its period, or after the decision', () => {
    expect(submissionRefusal('hearing', window({ hearingUntil: null }), day(1))).toContain('不在听证范围内');
    expect(submissionRefusal('hearing', window(), day(5))).toBeNull();
    expect(submissionRefusal('hearing', window(), new Date(day(5).getTime() + 1))).toContain('期限已届满');
    expect(submissionRefusal('hearing', window({ stage: 'review' }), day(4))).toBeNull();
    expect(submissionRefusal('hearing', window({ stage: 'decided' }), day(4))).toContain('已作出处罚决定');
  });

  it('takes a hearing request once', () => {
    expect(submissionRefusal('hearing', window({ hearingRequestedAt: day(1) }), day(2))).toContain('已申请过听证');
    expect(submissionRefusal('hearing', window({ sent: { ...none, hearing: 1 } }), day(2))).toContain('已申请过听证');
    expect(openSubmissions(window({ hearingRequestedAt: day(1) }), day(2))).toEqual(['statement', 'objection']);
  });

  it('takes an objection until the case is closed or revoked, whatever the periods', () => {
    expect(submissionRefusal('objection', window({ stage: 'decided' }), day(30))).toBeNull();
    expect(openSubmissions(window({ stage: 'decided' }), day(30))).toEqual(['objection']);
  });

  it('is read-only once the case is closed or revoked: nothing is open, everything refused', () => {
    for (const stage of ['closed', 'revoked'] as const) {
      expect(openSubmissions(window({ stage }), day(1))).toEqual([]);
      for (const kind of ['statement', 'hearing', 'objection'] as const) {
        expect(submissionRefusal(kind, window({ stage }), day(1))).toMatch(/只能查看，不能再提交/);
      }
    }
  });

  it('takes a few statements and objections per case, then asks for writing', () => {
    const full = { ...none, statement: PARTY_SUBMISSION_LIMITS.statement, objection: PARTY_SUBMISSION_LIMITS.objection };
    expect(submissionRefusal('statement', window({ sent: { ...full, statement: full.statement - 1 } }), day(1))).toBeNull();
    expect(submissionRefusal('statement', window({ sent: full }), day(1))).toContain('请书面提交办案机关');
    expect(submissionRefusal('objection', window({ sent: full }), day(1))).toContain('异议');
    expect(openSubmissions(window({ sent: full }), day(1))).toEqual(['hearing']);
  });

  it('counts what was sent by kind, ignoring anything else', () => {
    expect(countByKind(['statement', 'objection', 'statement', 'other'])).toEqual({ statement: 2, hearing: 0, objection: 1 });
  });
});

describe('the text of a submission', () => {
  it('is trimmed; a statement or objection must say something, a hearing request may be bare', () => {
    expect(submissionText('statement', '  已经整改完毕 \n')).toEqual({ text: '已经整改完毕' });
    expect(submissionText('objection', '   ')).toEqual({ problem: '请写明对裁量有异议的理由' });
    expect(submissionText('statement', '')).toEqual({ problem: '请写明陈述申辩的事实和理由' });
    expect(submissionText('hearing', ' ')).toEqual({ text: '' });
  });

  it('is limited in characters, not bytes', () => {
    expect(submissionText('statement', '字'.repeat(PARTY_SUBMISSION_TEXT_MAX))).toEqual({ text: '字'.repeat(PARTY_SUBMISSION_TEXT_MAX) });
    expect(submissionText('statement', '字'.repeat(PARTY_SUBMISSION_TEXT_MAX + 1))).toEqual({ problem: `内容不能超过${PARTY_SUBMISSION_TEXT_MAX}字` });
    expect(submissionText('statement', '😀'.repeat(PARTY_SUBMISSION_TEXT_MAX))).toEqual({ text: '😀'.repeat(PARTY_SUBMISSION_TEXT_MAX) });
  });

  it('refuses control characters but keeps line breaks', () => {
    expect(submissionText('objection', '第一\n第二\t第三')).toEqual({ text: '第一\n第二\t第三' });
    expect(submissionText('objection', 'a\u0000b')).toEqual({ problem: '内容含有无法显示的字符' });
  });
});
