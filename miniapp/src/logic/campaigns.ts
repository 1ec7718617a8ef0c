/**
 * 专项检查 in the words people read: the scope, the period and the agencies of a campaign, for the
 * public page, the officer's plan form and the console.
 */
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '@mashang/shared';
import { chineseDate } from './dates';

interface Scoped {
  industries: readonly string[];
  regionPrefixes: readonly string[];
  periodFrom: string;
  periodTo: string;
}

/** "餐饮服务、食品销售"; no industry named means every one. */
export function industriesText(c: Pick<Scoped, 'industries'>): string {
  return c.industries.length ? c.industries.join('、') : '不限行业';
}

/** Division codes are what the register holds; a prefix covers every area under it. */
export function regionText(c: Pick<Scoped, 'regionPrefixes'>): string {
  return c.regionPrefixes.length ? `行政区划代码 ${c.regionPrefixes.join('、')} 开头的地区` : '全市';
}

/** "2026年12月15日 至 2027年1月31日" */
export function periodText(c: Pick<Scoped, 'periodFrom' | 'periodTo'>): string {
  return `${chineseDate(c.periodFrom, false)} 至 ${chineseDate(c.periodTo, false)}`;
}

export function namesText(names: readonly string[], none = '—'): string {
  return names.length ? names.join('、') : none;
}

export const campaignStatusLabel = (status: CampaignStatus) => CAMPAIGN_STATUS_LABELS[status];

/** The officer's choice: none, or one of the published campaigns the agency joins. */
export const NO_CAMPAIGN = '';

/** One line under a campaign's name in the plan form: what a plan under it must fit. */
export function campaignChoiceLine(c: Scoped): string {
  return `${periodText(c)} · ${industriesText(c)} · ${regionText(c)}`;
}
