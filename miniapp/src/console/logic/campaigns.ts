/**
 * 专项检查 at the desk: the list's filters, the form (scope, period, agencies), what each user may do
 * with a campaign where it stands, its deadline and progress in words, and its trail as lines.
 */
import {
  CAMPAIGN_FILTER_LABELS, CAMPAIGN_FILTERS, isCalendarDate, Role, trailKindLabel,
  type CampaignDecisionRequest, type CampaignEventView, type CampaignFilter, type CampaignProgress, type CampaignRequest, type CampaignView, type FieldError, type SessionUser,
} from '@mashang/shared';
import { chineseDate, shanghaiDateTime } from '../../logic/dates';
import { actorLabel } from '../../logic/trail';
import { parseIndustries } from './scenarios';

export const CAMPAIGN_PAGE_SIZE = 20;
export const CAMPAIGN_NAME_MAX = 200;
export const CAMPAIGN_SUMMARY_MAX = 2000;
export const CAMPAIGN_NOTE_MAX = 500;

export const CAMPAIGN_FILTER_OPTIONS: readonly { key: CampaignFilter; label: string }[] = CAMPAIGN_FILTERS.map((key) => ({ key, label: CAMPAIGN_FILTER_LABELS[key] }));

/** What the form holds: industries and regions as typed, items and agencies as ticked. */
export interface CampaignDraft {
  /** null while drafting a new one. */
  id: string | null;
  name: string;
  summary: string;
  industriesText: string;
  regionsText: string;
  itemIds: string[];
  agencyIds: string[];
  periodFrom: string;
  periodTo: string;
}

export const emptyCampaignDraft = (ownAgencyId: string | null): CampaignDraft => ({
  id: null, name: '', summary: '', industriesText: '', regionsText: '', itemIds: [], agencyIds: ownAgencyId ? [ownAgencyId] : [], periodFrom: '', periodTo: '',
});

export function draftOfCampaign(c: CampaignView): CampaignDraft {
  return {
    id: c.id, name: c.name, summary: c.summary, industriesText: c.industries.join('、'), regionsText: c.regionPrefixes.join('、'),
    itemIds: [...c.itemIds], agencyIds: [...c.agencyIds], periodFrom: c.periodFrom, periodTo: c.periodTo,
  };
}

/** Division-code prefixes typed and separated like industries. */
export function parseRegions(text: string): string[] {
  return parseIndustries(text);
}

export type CampaignField = 'name' | 'summary' | 'industries' | 'regionPrefixes' | 'itemIds' | 'agencyIds' | 'periodFrom' | 'periodTo';
export type CampaignErrors = Partial<Record<CampaignField, string>>;

export function validateCampaign(d: CampaignDraft): CampaignErrors {
  const errors: CampaignErrors = {};
  const name = d.name.trim();
  if (!name) errors.name = '请填写专项检查名称';
  else if (name.length > CAMPAIGN_NAME_MAX) errors.name = `名称不能超过${CAMPAIGN_NAME_MAX}个字`;
  if (d.summary.trim().length > CAMPAIGN_SUMMARY_MAX) errors.summary = `说明不能超过${CAMPAIGN_SUMMARY_MAX}个字`;
  const industries = parseIndustries(d.industriesText);
  if (industries.length > 50) errors.industries = '行业不能超过50个';
  else if (industries.some((i) => i.length > 64)) errors.industries = '每个行业不能超过64个字';
  const regions = parseRegions(d.regionsText);
  if (regions.some((r) => !/^\d{2,6}$/.test(r))) errors.regionPrefixes = '区域请填写2至6位行政区划代码，如 4102 或 410204';
  if (!d.itemIds.length) errors.itemIds = '请至少选择一个检查事项';
  if (!d.agencyIds.length) errors.agencyIds = '请至少选择一个参加的执法部门';
  if (!isCalendarDate(d.periodFrom)) errors.periodFrom = '请填写开始日期，如 2026-12-15';
  if (!isCalendarDate(d.periodTo)) errors.periodTo = '请填写结束日期，如 2027-01-31';
  else if (isCalendarDate(d.periodFrom) && d.periodTo < d.periodFrom) errors.periodTo = '结束日期不能早于开始日期';
  return errors;
}

export function campaignRequest(d: CampaignDraft): CampaignRequest {
  const summary = d.summary.trim();
  return {
    name: d.name.trim(), ...(summary ? { summary } : {}), industries: parseIndustries(d.industriesText), regionPrefixes: parseRegions(d.regionsText),
    itemIds: [...d.itemIds], agencyIds: [...d.agencyIds], periodFrom: d.periodFrom.trim(), periodTo: d.periodTo.trim(),
  };
}

/** The server's field errors next to the fields (in its Chinese where it wrote some, else ours). */
export function campaignServerErrors(fields: readonly FieldError[]): CampaignErrors {
  const keys: CampaignField[] = ['name', 'summary', 'industries', 'regionPrefixes', 'itemIds', 'agencyIds', 'periodFrom', 'periodTo'];
  const errors: CampaignErrors = {};
  for (const { field, reason } of fields) {
    const key = keys.find((k) => field === k || field.startsWith(`${k}[`) || field.startsWith(`${k}.`));
    if (key) errors[key] ??= /[\u4e00-\u9fff]/.test(reason) ? reason : '填写不正确，请核对';
  }
  return errors;
}

/** What the user may do with the campaign where it stands. */
export function campaignActions(c: CampaignView, user: SessionUser): { edit: boolean; submit: boolean; decide: boolean; publish: boolean } {
  const keeps = c.ownerAgencyId === null ? user.role === Role.Supervisor : user.role === Role.AgencyAdmin && user.agencyId === c.ownerAgencyId;
  const open = c.status === 'draft' || c.status === 'returned';
  return {
    edit: keeps && open,
    submit: keeps && open,
    decide: user.role === Role.Supervisor && c.status === 'submitted',
    publish: (keeps || user.role === Role.Supervisor) && c.status === 'approved',
  };
}

/** "须于2027年1月7日前公布", or overdue; nothing before approval or after publication. */
export function deadlineText(c: Pick<CampaignView, 'status' | 'publishDue' | 'overdue'>): string {
  if (c.status !== 'approved' || !c.publishDue) return '';
  const due = chineseDate(c.publishDue, false);
  return c.overdue ? `逾期未公布（应于${due}前公布）` : `须于${due}前公布`;
}

export function progressText(p: CampaignProgress | undefined): string {
  if (!p) return '—';
  return `已报备 ${p.filed} 项，已完成 ${p.finished} 项`;
}

/** "审批退回 · supervisor · 2026-12-07 10:00：请补充依据" */
export function historyLine(e: CampaignEventView): string {
  return `${trailKindLabel(e.kind)} · ${actorLabel(e.actor)} · ${shanghaiDateTime(e.at)}${e.note ? `：${e.note}` : ''}`;
}

export type DecisionChoice = 'approve' | 'return' | '';

/** The decision as sent, or what is missing: a campaign is returned with reasons. */
export function campaignDecision(choice: DecisionChoice, note: string): { request: CampaignDecisionRequest } | { error: string } {
  if (!choice) return { error: '请选择批准或退回' };
  const text = note.trim();
  if (text.length > CAMPAIGN_NOTE_MAX) return { error: `意见不能超过${CAMPAIGN_NOTE_MAX}个字` };
  if (choice === 'return' && text.length < 2) return { error: '退回须写明理由（至少2个字）' };
  return { request: text ? { approve: choice === 'approve', note: text } : { approve: choice === 'approve' } };
}
