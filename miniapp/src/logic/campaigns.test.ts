import { campaignChoiceLine, industriesText, periodText, regionText } from './campaigns';

describe('campaign lines (专项检查)', () => {
  const c = { industries: ['餐饮服务', '食品销售'], regionPrefixes: ['4102'], periodFrom: '2026-12-15', periodTo: '2027-01-31' };

  it('reads the scope in words, an empty list as no limit', () => {
    expect(industriesText(c)).toBe('餐饮服务、食品销售');
    expect(industriesText({ industries: [] })).toBe('不限行业');
    expect(regionText(c)).toBe('行政区划代码 4102 开头的地区');
    expect(regionText({ regionPrefixes: [] })).toBe('全市');
  });

  it('writes the period as Chinese dates', () => {
    expect(periodText(c)).toBe('2026年12月15日 至 2027年1月31日');
    expect(campaignChoiceLine(c)).toBe('2026年12月15日 至 2027年1月31日 · 餐饮服务、食品销售 · 行政区划代码 4102 开头的地区');
  });
});
