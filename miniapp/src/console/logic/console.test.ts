import {
  actionForm,
  evidenceCaseText,
  inspectionResultText,
  actionRequest,
  actorText,
  ageText,
  agencyOptions,
  caseQuery,
  confirmNote,
  currentCursor,
  deadlineText,
  EMPTY_FILTERS,
  eventLabel,
  exportQuery,
  firstPage,
  formatRate,
  nextPage,
  pageCount,
  pageNumber,
  previousPage,
  toBase64,
  topSeries,
} from './console';
import { isDeskRole } from '../../logic/roles';

const NOW = new Date('2026-05-10T04:00:00Z'); // 12:00 in Shanghai

describe('console logic', () => {
  it('sends desk roles to the console and officers to their home', () => {
    expect(['supervisor', 'discipline', 'agency-admin'].every(isDeskRole)).toBe(true);
    expect(isDeskRole('officer')).toBe(false);
    expect(isDeskRole('enterprise')).toBe(false);
  });

  it('turns the filter bar into the list request, leaving out what is not chosen', () => {
    expect(caseQuery(EMPTY_FILTERS)).toEqual({ status: 'active', sort: 'newest', pageSize: 20 });
    expect(caseQuery({ ...EMPTY_FILTERS, status: '', source: 'rating', agencyId: 'A1', overdue: true, age: 'month', q: '  烩面 ', sort: 'deadline' }, 'abc')).toEqual({
      source: 'rating', agencyId: 'A1', overdue: true, minAgeDays: 8, maxAgeDays: 30, q: '烩面', sort: 'deadline', pageSize: 20, cursor: 'abc',
    });
    expect(caseQuery({ ...EMPTY_FILTERS, age: 'older' })).toMatchObject({ minAgeDays: 31 });
    expect(caseQuery({ ...EMPTY_FILTERS, age: 'older' })).not.toHaveProperty('maxAgeDays');
  });

  it('exports the filtered list whole, and picks agencies by position', () => {
    expect(exportQuery({ ...EMPTY_FILTERS, overdue: true })).toEqual({ status: 'active', sort: 'newest', overdue: true });
    const picker = agencyOptions([{ id: 'A1', name: '市场监管局' }, { id: 'A2', name: '消防支队' }]);
    expect(picker.names).toEqual(['全部部门', '市场监管局', '消防支队']);
    expect([picker.indexOf(''), picker.indexOf('A2')]).toEqual([0, 2]);
    expect([picker.idAt(0), picker.idAt(1), picker.idAt(5)]).toEqual(['', 'A1', '']);
  });

  it('pages forward and back by the cursors that opened each page', () => {
    let pager = firstPage();
    expect([pageNumber(pager), currentCursor(pager)]).toEqual([1, null]);
    pager = nextPage(nextPage(pager, 'c2'), 'c3');
    expect([pageNumber(pager), currentCursor(pager)]).toEqual([3, 'c3']);
    pager = previousPage(pager);
    expect([pageNumber(pager), currentCursor(pager)]).toEqual([2, 'c2']);
    expect(previousPage(previousPage(previousPage(pager)))).toEqual(firstPage());
    expect([pageCount(0), pageCount(20), pageCount(21), pageCount(100_000)]).toEqual([1, 1, 2, 5000]);
  });

  it('says how old a case is and how its deadline stands, in Shanghai days', () => {
    expect(ageText('2026-05-09T16:30:00Z', NOW)).toBe('今天');
    expect(ageText('2026-05-09T15:30:00Z', NOW)).toBe('1天前');
    expect(deadlineText({ deadline: '2026-05-13', status: 'rectifying' }, NOW)).toBe('2026年5月13日（剩3天）');
    expect(deadlineText({ deadline: '2026-05-10', status: 'rectifying' }, NOW)).toBe('2026年5月10日（今天到期）');
    expect(deadlineText({ deadline: '2026-05-08', status: 'assigned' }, NOW)).toBe('2026年5月8日（逾期2天）');
    expect(deadlineText({ deadline: '2026-05-08', status: 'closed' }, NOW)).toBe('');
    expect(deadlineText({ deadline: null, status: 'open' }, NOW)).toBe('');
  });

  it('names who acted', () => {
    expect(actorText('user:3:admin1', '市场监管局管理员')).toBe('市场监管局管理员');
    expect(actorText('user:3:admin1', null)).toBe('admin1');
    expect(actorText('enterprise', null)).toBe('企业');
    expect(actorText('system:nightly-report', null)).toBe('大数据研判');
  });

  it('asks each action for what the server needs, and refuses an incomplete form before sending', () => {
    const draft = { note: '', deadline: '', outcome: '' as const, assigneeId: null };
    expect(actionRequest('investigate', draft)).toEqual({ request: { action: 'investigate' } });
    expect(actionRequest('order-rectification', draft)).toEqual({ error: '请填写说明' });
    expect(actionRequest('order-rectification', { ...draft, note: ' 整改 ', deadline: '2026/05/20' })).toEqual({ error: '期限格式应为 YYYY-MM-DD' });
    expect(actionRequest('order-rectification', { ...draft, note: ' 整改 ', deadline: '2026-05-20' })).toEqual({ request: { action: 'order-rectification', note: '整改', deadline: '2026-05-20' } });
    expect(actionRequest('return-rectification', { ...draft, note: '不到位' })).toEqual({ error: '请填写期限' });
    expect(actionRequest('record-discipline-outcome', { ...draft, note: '谈话' })).toEqual({ error: '请选择处理结果' });
    expect(actionRequest('record-discipline-outcome', { ...draft, note: '谈话', outcome: 'accountable' })).toEqual({ request: { action: 'record-discipline-outcome', note: '谈话', outcome: 'accountable' } });
    expect(actionRequest('assign', { ...draft, assigneeId: 7 })).toEqual({ request: { action: 'assign', assigneeId: 7 } });
    expect(actionForm('conclude-fabricated').confirm).toBe(true);
    expect(actionForm('note').confirm).toBe(false);
  });

  it('warns before a step that closes the case or sends it on, and lists details on one line', () => {
    expect(confirmNote('confirm-rectification')).toBe('提交后案件将办结，不可撤回。');
    expect(confirmNote('conclude-fabricated')).toBe('提交后案件将办结，不可撤回。');
    expect(confirmNote('refer-discipline')).toBe('提交后案件将转入下一环节，不可撤回。');
    expect(actionForm('pass-on-substance')).toMatchObject({ note: 'required', confirm: true });
    expect(confirmNote('pass-on-substance')).toContain('仍看不到是哪家企业评价');
    expect(eventLabel('substance-passed-on')).toBe('向被评价部门转交评价内容');
  });

  it('encodes uploads as base64, also beyond the argument-list chunk', () => {
    expect(toBase64(new TextEncoder().encode('整改报告'))).toBe(Buffer.from('整改报告').toString('base64'));
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('keeps charts readable: the busiest agencies, the rest summed', () => {
    const series = [
      { agencyName: 'A', counts: [1, 1] },
      { agencyName: 'B', counts: [5, 5] },
      { agencyName: 'C', counts: [2, 0] },
      { agencyName: 'D', counts: [0, 3] },
    ];
    expect(topSeries(series, 2)).toEqual([{ name: 'B', counts: [5, 5] }, { name: 'D', counts: [0, 3] }, { name: '其他2个部门', counts: [3, 1] }]);
    expect(topSeries(series, 4)).toHaveLength(4);
    expect([formatRate(0.0578), formatRate(0.985)]).toEqual(['5.78%', '98.5%']);
  });
});

describe('evidence records in words', () => {
  it('names results and case statuses by their labels, times in Shanghai, a fine only once set', () => {
    expect(inspectionResultText('rectify')).toBe('责令整改');
    expect(inspectionResultText(null)).toBe('—');
    expect(evidenceCaseText({ id: 'A1-2026-000123', cause: 'FSL-126', status: 'filed', filedAt: '2026-11-20T02:05:00.000Z', fine: '0' }))
      .toBe('案件 A1-2026-000123 · 案由 FSL-126 · 已立案 · 立案 2026-11-20 10:05');
    expect(evidenceCaseText({ id: 'C9', cause: 'FSL-87', status: 'decided', filedAt: '2026-11-20T02:05:00.000Z', fine: '500000' })).toContain('罚款 5000 元');
  });
});
