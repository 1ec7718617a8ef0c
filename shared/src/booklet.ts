/**
 * 一企一册: each enterprise's compliance booklet — the inspection items that apply to it by industry and
 * agency, with their legal basis, common violations and how to comply, and its own inspection history.
 * The server renders it as a PDF; these are the words and the industry list rules both sides share.
 */

/** Separators people type between industries in the items register: 、 ， , ； ; and white space. */
const INDUSTRY_SEPARATORS = /[、，,；;\s]+/;

/** The industries of an item's `industries` text, trimmed, each once, in the order written. */
export function parseIndustries(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...new Set(text.split(INDUSTRY_SEPARATORS).map((s) => s.trim()).filter(Boolean))];
}

/** How the register stores and shows an item's industries: joined by 、 (empty when none). */
export const industriesText = (text: string | null | undefined): string => parseIndustries(text).join('、');

/** Why an item is in an enterprise's booklet. */
export type BookletItemReason = 'industry' | 'inspected';
export const BOOKLET_ITEM_REASON_LABELS: Record<BookletItemReason, string> = {
  industry: '本行业适用',
  inspected: '曾对本企业检查',
};

/** The booklet's fixed words, once. */
export const BOOKLET_TEXT = {
  title: '企业合规手册',
  subtitle: '一企一册',
  creditCode: '统一社会信用代码',
  industry: '行业',
  region: '行政区划代码',
  contact: '联系电话',
  generatedAt: '生成时间',
  itemsHeading: '一、适用的检查事项',
  itemsIntro: '以下为各执法部门对本企业适用的检查事项、法律依据、常见违法行为和合规指引，按部门列出。',
  noItems: '暂无按行业适用或曾检查的事项。',
  item: '检查事项',
  basis: '法律依据',
  violations: '常见违法行为',
  compliance: '合规指引',
  reason: '列入原因',
  notGiven: '（暂未提供）',
  noDisturb: '无事不扰清单事项：无投诉举报等触发不入企现场检查',
  historyHeading: '二、本企业检查记录',
  noHistory: '暂无检查记录。',
  historyDate: '检查日期',
  historyAgency: '执法部门',
  historyTrigger: '检查类型',
  historyItems: '检查事项',
  historyResult: '检查结果',
  historyCut: (shown: number, total: number) => `仅列出最近 ${shown} 次检查（共 ${total} 次），全部记录请在企业端查看。`,
  footer: '本手册由码上入企平台按登记信息生成，供企业自查和执法人员入企时使用；以现行法律法规为准。',
  page: (n: number, total: number) => `第 ${n} 页 / 共 ${total} 页`,
  fileName: (enterpriseName: string) => `一企一册-${enterpriseName}.pdf`,
} as const;
