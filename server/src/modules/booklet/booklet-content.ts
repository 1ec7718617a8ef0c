import {
  BOOKLET_ITEM_REASON_LABELS,
  BOOKLET_TEXT,
  INSPECTION_RESULT_LABELS,
  maskPhone,
  parseIndustries,
  PLAN_TRIGGER_LABELS,
  shanghaiDate,
  shanghaiDateTime,
  UNREADABLE_PHONE,
  type BookletItemReason,
  type InspectionResult,
  type PlanTrigger,
} from '@mashang/shared';

/** An item of the register as the booklet needs it. */
export interface BookletSourceItem {
  id: string;
  agencyId: string;
  name: string;
  basis: string;
  noDisturb: boolean;
  industries: string;
  commonViolations: string;
  complianceGuide: string;
}

/** One agency's record of an inspection of the enterprise. */
export interface BookletSourceInspection {
  agencyId: string;
  trigger: string;
  startedAt: Date;
  result: string;
  itemIds: readonly string[];
}

export interface BookletSource {
  enterprise: { creditCode: string; name: string; industry: string; region: string; phone: string | null };
  agencyNames: ReadonlyMap<string, string>;
  /** Items that name industries (the booklet keeps those naming the enterprise's) and the items of its inspections. */
  items: readonly BookletSourceItem[];
  /** Its inspections, newest first (at most the ones to show). */
  inspections: readonly BookletSourceInspection[];
  totalInspections: number;
  generatedAt: Date;
}

export interface BookletItem {
  name: string;
  basis: string;
  commonViolations: string;
  complianceGuide: string;
  noDisturb: boolean;
  /** Why it is listed, in Chinese (本行业适用, 曾对本企业检查). */
  reasons: string[];
}

export interface BookletSection {
  agencyName: string;
  items: BookletItem[];
}

export interface BookletHistoryRow {
  date: string;
  agencyName: string;
  trigger: string;
  items: string;
  result: string;
}

export interface BookletContent {
  title: string;
  subtitle: string;
  enterpriseName: string;
  /** Label and value, in order: credit code, industry, region, contact phone (masked). */
  facts: [string, string][];
  generatedAt: string;
  sections: BookletSection[];
  history: BookletHistoryRow[];
  /** Said under the history when it shows only the latest inspections. */
  historyNote: string | null;
}

const UNKNOWN_AGENCY = '执法部门';
const byChinese = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');

/** A contact phone as the booklet may print it: masked whatever it was given as; nothing in clear. */
export function bookletPhone(phone: string | null): string {
  if (!phone) return '未登记';
  return phone === UNREADABLE_PHONE ? phone : maskPhone(phone)!;
}

/**
 * 一企一册 from the data: the items that apply to the enterprise — those whose industries name its
 * industry, and those it was inspected on — grouped by agency (sections by agency name, items in the
 * register's order), and its inspection history with dates in Asia/Shanghai and Chinese labels.
 */
export function bookletContent(source: BookletSource): BookletContent {
  const { enterprise } = source;
  const inspected = new Set(source.inspections.flatMap((i) => i.itemIds));
  const sections = new Map<string, BookletSection>();
  const seen = new Set<string>();
  const items = [...source.items].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  for (const item of items) {
    if (seen.has(item.id)) continue;
    const reasons: BookletItemReason[] = [];
    if (parseIndustries(item.industries).includes(enterprise.industry)) reasons.push('industry');
    if (inspected.has(item.id)) reasons.push('inspected');
    if (!reasons.length) continue;
    seen.add(item.id);
    const agencyName = source.agencyNames.get(item.agencyId) ?? UNKNOWN_AGENCY;
    const section = sections.get(item.agencyId) ?? { agencyName, items: [] };
    section.items.push({
      name: item.name,
      basis: item.basis,
      commonViolations: item.commonViolations.trim(),
      complianceGuide: item.complianceGuide.trim(),
      noDisturb: item.noDisturb,
      reasons: reasons.map((r) => BOOKLET_ITEM_REASON_LABELS[r]),
    });
    sections.set(item.agencyId, section);
  }
  const itemNames = new Map(source.items.map((i) => [i.id, i.name]));
  const history = source.inspections.map((i): BookletHistoryRow => ({
    date: shanghaiDate(i.startedAt),
    agencyName: source.agencyNames.get(i.agencyId) ?? UNKNOWN_AGENCY,
    trigger: PLAN_TRIGGER_LABELS[i.trigger as PlanTrigger] ?? '其他',
    items: i.itemIds.flatMap((id) => (itemNames.has(id) ? [itemNames.get(id)!] : [])).join('、') || '—',
    result: INSPECTION_RESULT_LABELS[i.result as InspectionResult] ?? '—',
  }));
  return {
    title: BOOKLET_TEXT.title,
    subtitle: BOOKLET_TEXT.subtitle,
    enterpriseName: enterprise.name,
    facts: [
      [BOOKLET_TEXT.creditCode, enterprise.creditCode],
      [BOOKLET_TEXT.industry, enterprise.industry],
      [BOOKLET_TEXT.region, enterprise.region],
      [BOOKLET_TEXT.contact, bookletPhone(enterprise.phone)],
    ],
    generatedAt: shanghaiDateTime(source.generatedAt),
    sections: [...sections.values()].sort((a, b) => byChinese(a.agencyName, b.agencyName)),
    history,
    historyNote: source.totalInspections > history.length ? BOOKLET_TEXT.historyCut(history.length, source.totalInspections) : null,
  };
}
