import { casePeriodsText, enterpriseSlotsText, toggleSlot, windowDays, inspectionDay, officersText, ratingText, resultTone, trailActor, trailLine, yuanText } from './enterprise-page';

describe('the enterprise\'s page in words', () => {
  it('names the day, the officers with their certificates, and colours the result', () => {
    expect(inspectionDay({ startedAt: '2026-03-05T01:30:00.000Z' })).toBe('2026年3月5日 星期四');
    expect(officersText([{ name: '张伟', certNo: '豫C0000001' }, { name: '李娜', certNo: '豫C0000002' }])).toBe('张伟（执法证号 豫C0000001）、李娜（执法证号 豫C0000002）');
    expect(officersText([])).toBe('—');
    expect([resultTone('合格'), resultTone('责令整改'), resultTone('立案'), resultTone('')]).toEqual(['success', 'warning', 'danger', 'neutral']);
  });

  it('says what became of its rating', () => {
    expect(ratingText({ rated: false, verdictLabel: null, ratedAt: null, outcome: null })).toBe('尚未评价（评价链接见检查结束后的短信）');
    expect(ratingText({ rated: true, verdictLabel: '认可', ratedAt: '2026-03-06T00:00:00Z', outcome: null })).toBe('已评价：认可');
    expect(ratingText({ rated: true, verdictLabel: '不认可', ratedAt: '2026-03-06T00:00:00Z', outcome: { statusLabel: '已办结', conclusionLabel: '已整改（立行立改）', updatedAt: '2026-03-09T00:00:00Z' } }))
      .toBe('已评价：不认可 · 监督部门处理：已办结（已整改（立行立改））');
  });

  it('writes a trail step and who took it', () => {
    expect(trailLine({ step: '检查结果', detail: '食品经营许可检查：合格', by: { name: '张伟', certNo: '豫C0000001' }, at: '' })).toBe('检查结果：食品经营许可检查：合格');
    expect(trailLine({ step: '入企', detail: '', by: { name: '系统' }, at: '' })).toBe('入企');
    expect(trailActor({ step: '入企', detail: '', by: { name: '张伟', certNo: '豫C0000001' }, at: '' })).toBe('张伟（执法证号 豫C0000001）');
    expect(trailActor({ step: '企业评价', detail: '', by: { name: '企业' }, at: '' })).toBe('企业');
  });

  it('writes fines in 元 and the party\'s periods in Shanghai time', () => {
    expect(yuanText(500000)).toBe('5,000.00 元');
    expect(casePeriodsText({ statementUntil: '2026-03-08T16:00:00.000Z', hearingUntil: null })).toBe('陈述、申辩截止 2026-03-09 00:00');
    expect(casePeriodsText({ statementUntil: null, hearingUntil: null })).toBe('');
  });

  it('tells the officers fixing the date which half-days suit the enterprise', () => {
    expect(enterpriseSlotsText({ slots: [{ date: '2026-12-09', half: 'am', label: '12月9日上午' }, { date: '2026-12-10', half: 'pm', label: '12月10日下午' }] })).toBe('企业方便的时间：12月9日上午、12月10日下午');
    expect(enterpriseSlotsText({ slots: [] })).toBe('企业尚未选择方便的时间');
  });

  it('lays out the window day by day and toggles a half-day', () => {
    expect(windowDays({ from: '2026-12-30', to: '2027-01-01' })).toEqual([
      { date: '2026-12-30', label: '12月30日 星期三' }, { date: '2026-12-31', label: '12月31日 星期四' }, { date: '2027-01-01', label: '1月1日 星期五' },
    ]);
    const marked = toggleSlot([], { date: '2026-12-30', half: 'am' });
    expect(marked).toEqual([{ date: '2026-12-30', half: 'am' }]);
    expect(toggleSlot(marked, { date: '2026-12-30', half: 'am' })).toEqual([]);
  });
});
