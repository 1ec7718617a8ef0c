import { parseIndustries } from '@mashang/shared';
import { INDUSTRIES } from '../data/industries.js';
import { INSPECTION_ITEMS } from '../data/items.js';
import { demoItemGuidance } from './item-guidance.js';

describe("the demo catalogue's booklet guidance", () => {
  const rows = demoItemGuidance();
  const known = new Set(INDUSTRIES.map(([name]) => name));

  it('gives every item of the catalogue its common violations, how to comply and industries of the register', () => {
    expect(rows.map((r) => r.name).sort()).toEqual(Object.values(INSPECTION_ITEMS).flat().map(([name]) => name).sort());
    for (const row of rows) {
      expect([row.name, row.commonViolations.length > 5, row.complianceGuide.length > 5]).toEqual([row.name, true, true]);
      expect(parseIndustries(row.industries).filter((i) => !known.has(i))).toEqual([]);
      expect(parseIndustries(row.industries).length).toBeGreaterThan(0);
    }
  });

  it('lists an item for the industries its kind regulates unless the catalogue narrows it', () => {
    const annual = rows.find((r) => r.name === '营业执照公示信息及年度报告检查')!;
    expect(parseIndustries(annual.industries)).toEqual(INDUSTRIES.filter(([, kinds]) => kinds.includes('market')).map(([name]) => name));
    expect(rows.find((r) => r.name === '餐饮服务油烟排放检查')!.industries).toBe('餐饮服务');
  });
});
