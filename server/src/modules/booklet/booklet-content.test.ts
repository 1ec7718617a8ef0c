import { bookletContent, bookletPhone, type BookletSource, type BookletSourceItem } from './booklet-content.js';

const item = (id: string, agencyId: string, name: string, extra: Partial<BookletSourceItem> = {}): BookletSourceItem => ({
  id, agencyId, name, basis: `${name}的依据`, noDisturb: false, industries: '', commonViolations: '', complianceGuide: '', ...extra,
});

const source = (over: Partial<BookletSource> = {}): BookletSource => ({
  enterprise: { creditCode: '92410202MA0008110X', name: '老王烩面馆', industry: '餐饮服务', region: '410204', phone: '138****0811' },
  agencyNames: new Map([['A1', '市市场监督管理局'], ['A2', '市消防救援支队']]),
  items: [
    item('I10', 'A1', '明码标价检查', { industries: '批发零售、餐饮服务', commonViolations: '未明码标价', complianceGuide: '醒目位置公示价格' }),
    item('I2', 'A1', '食品经营许可检查', { industries: '餐饮服务', noDisturb: true }),
    item('I3', 'A2', '消防设施检查', { industries: '制造业' }),
    item('I4', 'A1', '餐饮外卖检查', { industries: '餐饮服务外卖' }),
    item('I5', 'A9', '已撤销部门的事项'),
  ],
  inspections: [
    { agencyId: 'A2', trigger: 'complaint', startedAt: new Date('2026-03-01T17:30:00Z'), result: 'rectify', itemIds: ['I3'] },
    { agencyId: 'A9', trigger: 'planned', startedAt: new Date('2026-01-05T02:00:00Z'), result: 'pass', itemIds: ['I5', 'GONE'] },
  ],
  totalInspections: 2,
  generatedAt: new Date('2026-12-06T21:00:00Z'),
  ...over,
});

describe('the compliance booklet\'s content (一企一册)', () => {
  it('lists the items of its industry and those it was inspected on, by agency (in pinyin order), items in register order, with why each is listed', () => {
    const content = bookletContent(source());
    expect(content.sections.map((s) => [s.agencyName, s.items.map((i) => [i.name, i.reasons])])).toEqual([
      ['市市场监督管理局', [['食品经营许可检查', ['本行业适用']], ['明码标价检查', ['本行业适用']]]],
      ['市消防救援支队', [['消防设施检查', ['曾对本企业检查']]]],
      ['执法部门', [['已撤销部门的事项', ['曾对本企业检查']]]],
    ]);
  });

  it('matches whole industry names only: 餐饮服务外卖 is not 餐饮服务', () => {
    const names = bookletContent(source()).sections.flatMap((s) => s.items.map((i) => i.name));
    expect(names).not.toContain('餐饮外卖检查');
  });

  it('keeps each item\'s legal basis, guidance and 无事不扰 flag; an item of its industry it was also inspected on carries both reasons', () => {
    const content = bookletContent(source({ inspections: [{ agencyId: 'A1', trigger: 'planned', startedAt: new Date('2026-02-01T01:00:00Z'), result: 'pass', itemIds: ['I10'] }], totalInspections: 1 }));
    const market = content.sections.find((s) => s.agencyName === '市市场监督管理局')!;
    expect(market.items.find((i) => i.name === '明码标价检查')).toEqual({
      name: '明码标价检查', basis: '明码标价检查的依据', commonViolations: '未明码标价', complianceGuide: '醒目位置公示价格', noDisturb: false, reasons: ['本行业适用', '曾对本企业检查'],
    });
    expect(market.items.find((i) => i.name === '食品经营许可检查')!.noDisturb).toBe(true);
  });

  it('gives the history with Shanghai dates and Chinese labels, items by name (an item no longer in the register left out)', () => {
    expect(bookletContent(source()).history).toEqual([
      { date: '2026-03-02', agencyName: '市消防救援支队', trigger: '投诉举报', items: '消防设施检查', result: '责令整改' },
      { date: '2026-01-05', agencyName: '执法部门', trigger: '计划检查', items: '已撤销部门的事项', result: '合格' },
    ]);
  });

  it('heads the booklet with the enterprise, its credit code and a masked contact; says when the history is cut', () => {
    const content = bookletContent(source({ totalInspections: 130 }));
    expect(content.enterpriseName).toBe('老王烩面馆');
    expect(content.facts).toEqual([['统一社会信用代码', '92410202MA0008110X'], ['行业', '餐饮服务'], ['行政区划代码', '410204'], ['联系电话', '138****0811']]);
    expect(content.generatedAt).toBe('2026-12-07 05:00');
    expect(content.historyNote).toBe('仅列出最近 2 次检查（共 130 次），全部记录请在企业端查看。');
    expect(bookletContent(source()).historyNote).toBeNull();
  });

  it('never prints a phone in clear, whatever it is given', () => {
    expect(bookletContent(source({ enterprise: { ...source().enterprise, phone: '13800000811' } })).facts[3]).toEqual(['联系电话', '138****0811']);
    expect(bookletPhone(null)).toBe('未登记');
    expect(bookletPhone('无法读取')).toBe('无法读取');
  });

  it('has no sections for an enterprise of an industry no item names and no inspections', () => {
    const content = bookletContent(source({ enterprise: { ...source().enterprise, industry: '农业' }, inspections: [], totalInspections: 0 }));
    expect(content.sections).toEqual([]);
    expect(content.history).toEqual([]);
  });
});
