import type { CreateScenarioRequest, FieldError, IndustryCount, JointScenarioView, UpdateScenarioRequest } from '@mashang/shared';

/** The server's bounds on a scenario. */
export const SCENARIO_NAME_MAX = 200;
export const INDUSTRY_MAX = 64;
export const SCENARIO_INDUSTRIES_MAX = 50;
export const SCENARIO_AGENCIES_MIN = 2;
export const SCENARIO_AGENCIES_MAX = 30;

/** What the scenario form holds: industries as typed, agencies as ticked. */
export interface ScenarioDraft {
  /** null while creating. */
  id: string | null;
  name: string;
  industriesText: string;
  agencyIds: string[];
  active: boolean;
}

export const emptyScenarioDraft = (): ScenarioDraft => ({ id: null, name: '', industriesText: '', agencyIds: [], active: true });

export function draftOf(scenario: JointScenarioView): ScenarioDraft {
  return { id: scenario.id, name: scenario.name, industriesText: scenario.industries.join('、'), agencyIds: [...scenario.agencyIds], active: scenario.active };
}

/** Industries typed one per line or separated by 、，,;； — each once, in the order typed. */
export function parseIndustries(text: string): string[] {
  return [...new Set(text.split(/[\n,，、;；]+/).map((part) => part.trim()).filter(Boolean))];
}

export type ScenarioField = 'name' | 'industries' | 'agencyIds';
export type ScenarioErrors = Partial<Record<ScenarioField, string>>;

export function validateScenario(draft: ScenarioDraft): ScenarioErrors {
  const errors: ScenarioErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = '请填写场景名称';
  else if (name.length > SCENARIO_NAME_MAX) errors.name = `场景名称不能超过${SCENARIO_NAME_MAX}个字`;
  const industries = parseIndustries(draft.industriesText);
  if (!industries.length) errors.industries = '请至少填写一个行业';
  else if (industries.length > SCENARIO_INDUSTRIES_MAX) errors.industries = `行业不能超过${SCENARIO_INDUSTRIES_MAX}个`;
  else if (industries.some((industry) => industry.length > INDUSTRY_MAX)) errors.industries = `每个行业不能超过${INDUSTRY_MAX}个字`;
  if (draft.agencyIds.length < SCENARIO_AGENCIES_MIN) errors.agencyIds = `联合检查至少需要${SCENARIO_AGENCIES_MIN}个执法部门`;
  else if (draft.agencyIds.length > SCENARIO_AGENCIES_MAX) errors.agencyIds = `执法部门不能超过${SCENARIO_AGENCIES_MAX}个`;
  return errors;
}

export const hasErrors = (errors: object) => Object.values(errors).some(Boolean);

/** A new scenario's id: not typed by anyone, unique enough for a city's few hundred scenarios. */
export function newScenarioId(now: number, random: number): string {
  return `scn-${now.toString(36)}${Math.floor(random * 36 ** 3).toString(36).padStart(3, '0')}`;
}

export function createRequest(draft: ScenarioDraft, id: string): CreateScenarioRequest {
  return { id, name: draft.name.trim(), industries: parseIndustries(draft.industriesText), agencyIds: [...draft.agencyIds] };
}

/** Only what changed; an empty patch means nothing to save. */
export function updateRequest(before: JointScenarioView, draft: ScenarioDraft): UpdateScenarioRequest {
  const patch: UpdateScenarioRequest = {};
  const name = draft.name.trim();
  const industries = parseIndustries(draft.industriesText);
  if (name !== before.name) patch.name = name;
  if (industries.join('\n') !== before.industries.join('\n')) patch.industries = industries;
  if (draft.agencyIds.join('\n') !== before.agencyIds.join('\n')) patch.agencyIds = [...draft.agencyIds];
  if (draft.active !== before.active) patch.active = draft.active;
  return patch;
}

/** The server's field errors next to the fields (its reasons are Chinese where it wrote them; otherwise ours). */
export function scenarioServerErrors(fields: readonly FieldError[]): ScenarioErrors {
  const errors: ScenarioErrors = {};
  const fallback: Record<ScenarioField, string> = { name: '场景名称不正确', industries: '行业填写不正确（不能含逗号，每个不超过64个字）', agencyIds: '执法部门选择不正确' };
  for (const { field, reason } of fields) {
    const key = (['name', 'industries', 'agencyIds'] as const).find((f) => field === f || field.startsWith(`${f}[`) || field.startsWith(`${f}.`));
    if (key) errors[key] ??= /[\u4e00-\u9fff]/.test(reason) ? reason : fallback[key];
  }
  return errors;
}

/** "市市场监督管理局、市消防救援支队"; an agency the list does not know by its id. */
export function agencyNamesText(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  return ids.map((id) => names.get(id) ?? `部门 ${id}`).join('、');
}

/** Industries typed that no registered enterprise has: the scenario would never apply to them. */
export function unknownIndustries(draft: ScenarioDraft, known: readonly IndustryCount[]): string[] {
  const names = new Set(known.map((k) => k.industry));
  return known.length ? parseIndustries(draft.industriesText).filter((industry) => !names.has(industry)) : [];
}

/** Adds an industry picked from the register's list to what is typed. */
export function addIndustry(text: string, industry: string): string {
  const industries = parseIndustries(text);
  return industries.includes(industry) ? industries.join('、') : [...industries, industry].join('、');
}

/** Agencies matching a search (name contains, or id), ticked ones first. */
export function agencyChoices<T extends { id: string; name: string }>(agencies: readonly T[], ticked: readonly string[], search: string): T[] {
  const q = search.trim();
  const matching = agencies.filter((a) => ticked.includes(a.id) || !q || a.name.includes(q) || a.id === q);
  return [...matching.filter((a) => ticked.includes(a.id)), ...matching.filter((a) => !ticked.includes(a.id))];
}
