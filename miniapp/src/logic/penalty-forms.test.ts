import {
  causeRequest, coerciveRequest, decisionHints, decisionRequest, emptyCoerciveForm, emptyDecisionForm, emptyNoticeForm,
  fineAgainstRange, noticeCheck, noticeRequest, reasonProblem, type NoticeForm,
} from './penalty-forms';
import { caseView, noticedView } from './penalty-fixture';

describe('the notice form', () => {
  const view = caseView();
  const form = (patch: Partial<NoticeForm>): NoticeForm => ({ ...emptyNoticeForm(view), ...patch });

  it('assesses the ticked factors live and asks for a reason only outside the range', () => {
    const inside = noticeCheck(view, form({ factorIds: ['illegal-gains', 'harm'], fine: '60000' }));
    expect(inside).toMatchObject({ fen: 6_000_000, outside: false, assessment: { points: 7, level: 'severe' } });
    expect(fineAgainstRange(inside)).toBe('在幅度内（30,000 元 – 100,000 元）');
    const below = noticeCheck(view, form({ factorIds: ['illegal-gains', 'harm'], fine: '20000' }));
    expect(below.outside).toBe(true);
    expect(noticeCheck(view, form({ factorIds: ['harm'], fine: '' })).outside).toBe(false);
  });

  it('sends fen, the factors, and a reason and measures only when there are any', () => {
    expect(noticeRequest(view, form({ factorIds: ['illegal-gains'], fine: '15000', outsideRangeReason: '不需要' }))).toEqual({
      request: { factorIds: ['illegal-gains'], proposedFine: 1_500_000 },
    });
    expect(noticeRequest(view, form({ factorIds: ['first-offence'], fine: '3000', outsideRangeReason: ' 主动消除危害后果 ', measures: ['order-closure'] }))).toEqual({
      request: { factorIds: ['first-offence'], proposedFine: 300_000, outsideRangeReason: '主动消除危害后果', measures: ['order-closure'] },
    });
  });

  it('says what is missing before sending', () => {
    expect(noticeRequest(view, form({ fine: '' }))).toEqual({ errors: { proposedFine: '请填写罚款数额（元）；不罚款的填 0' } });
    expect(noticeRequest(view, form({ fine: '1.234' }))).toMatchObject({ errors: { proposedFine: expect.stringContaining('最多两位小数') } });
    expect(noticeRequest(view, form({ factorIds: ['harm', 'illegal-gains'], fine: '200000' }))).toEqual({
      errors: { outsideRangeReason: '罚款数额超出“从重”档的幅度，须写明理由' },
    });
  });
});

describe('the decision form', () => {
  const today = '2026-12-10';

  it('starts from the proposal and checks the fine against the noticed range', () => {
    const view = noticedView();
    expect(emptyDecisionForm(view)).toEqual({ fine: '15000', measures: [], hearingHeldOn: '', outsideRangeReason: '' });
    expect(decisionRequest(view, emptyDecisionForm(view), today)).toEqual({ request: { fine: 1_500_000 } });
    expect(decisionRequest(view, { ...emptyDecisionForm(view), fine: '40000' }, today)).toEqual({ errors: { outsideRangeReason: '罚款数额超出“一般”档的幅度，须写明理由' } });
  });

  it('wants the hearing date when the party asked for a hearing, not later than today', () => {
    const view = noticedView({ hearingRequestedAt: '2026-12-07T02:00:00.000Z' });
    expect(decisionRequest(view, emptyDecisionForm(view), today)).toEqual({ errors: { hearingHeldOn: '当事人已申请听证：请填写听证举行的日期' } });
    expect(decisionRequest(view, { ...emptyDecisionForm(view), hearingHeldOn: '2026-12-11' }, today)).toEqual({ errors: { hearingHeldOn: '听证日期不能晚于今天' } });
    expect(decisionRequest(view, { ...emptyDecisionForm(view), hearingHeldOn: '2026-02-30' }, today)).toMatchObject({ errors: { hearingHeldOn: expect.stringContaining('年-月-日') } });
    expect(decisionRequest(view, { ...emptyDecisionForm(view), hearingHeldOn: '2026-12-09', measures: ['revoke-licence'] }, today)).toEqual({
      request: { fine: 1_500_000, hearingHeldOn: '2026-12-09', measures: ['revoke-licence'] },
    });
  });

  it('warns while the statement period runs unless the party has spoken', () => {
    const early = Date.parse('2026-12-08T02:00:00Z');
    expect(decisionHints(noticedView(), early)[0]).toContain('陈述申辩期尚未届满');
    const spoken = noticedView({ submissions: [{ id: 's', kind: 'statement', text: '', at: '', flaggedCaseId: null, upheld: null }] });
    expect(decisionHints(spoken, early).join()).not.toContain('陈述申辩期');
    expect(decisionHints(noticedView(), Date.parse('2026-12-09T16:00:00Z')).join()).not.toContain('陈述申辩期');
  });
});

describe('reasons, cause changes and coercive measures', () => {
  it('want a reason of two characters at least', () => {
    expect(reasonProblem(' 好 ')).toBe('请写明理由（至少2个字）');
    expect(reasonProblem('罚款已缴纳')).toBeNull();
    expect(reasonProblem('x'.repeat(2001), '结案理由')).toBe('结案理由不能超过2000个字');
  });

  it('change the cause to another clause', () => {
    const view = caseView();
    expect(causeRequest(view, { to: 'FSL-126', reason: '经检验' })).toEqual({ errors: { to: '新案由与原案由相同' } });
    expect(causeRequest(view, { to: '食品 126', reason: '' })).toEqual({ errors: { to: expect.stringContaining('条款编号'), reason: '请写明变更理由（至少2个字）' } });
    expect(causeRequest(view, { to: ' FSL-124 ', reason: '经检验属不符合食品安全标准' })).toEqual({ request: { to: 'FSL-124', reason: '经检验属不符合食品安全标准' } });
  });

  it('start a seal or seizure with its document, today unless a past date is given', () => {
    const today = '2026-12-10';
    expect(coerciveRequest({ ...emptyCoerciveForm(), items: '过期食品12箱', documentNo: '扣〔2026〕1号' }, today)).toEqual({
      request: { kind: 'seal', items: '过期食品12箱', documentNo: '扣〔2026〕1号' },
    });
    expect(coerciveRequest({ kind: 'seize', items: '过期食品', documentNo: '扣1号', startedOn: '2026-12-11' }, today)).toEqual({ errors: { startedOn: '开始日期不能晚于今天' } });
    expect(Object.keys((coerciveRequest(emptyCoerciveForm(), today) as { errors: object }).errors)).toEqual(['items', 'documentNo']);
  });
});
