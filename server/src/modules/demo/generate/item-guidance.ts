import { INDUSTRIES } from '../data/industries.js';
import { ITEM_GUIDANCE } from '../data/item-guidance.js';
import { INSPECTION_ITEMS } from '../data/items.js';

/**
 * The demo catalogue's guidance for the compliance booklet, one row per item name: its industries (the
 * guidance's own, or every industry its kind of agency regulates) joined by 、, common violations and
 * how to comply (empty where the catalogue has none).
 */
export function demoItemGuidance(): { name: string; industries: string; commonViolations: string; complianceGuide: string }[] {
  return Object.entries(INSPECTION_ITEMS).flatMap(([kind, items]) =>
    items.map(([name]) => {
      const [industries, commonViolations, complianceGuide] = ITEM_GUIDANCE[name] ?? [null, '', ''];
      const regulated = INDUSTRIES.filter(([, kinds]) => kinds.includes(kind)).map(([industry]) => industry);
      return { name, industries: (industries ?? regulated).join('、'), commonViolations, complianceGuide };
    }),
  );
}
