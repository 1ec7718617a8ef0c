import {
  CREDIT_CODE_PROBLEM_TEXT,
  creditCodeProblem,
  isCalendarDate,
  normaliseCreditCode,
  REGISTER_COLUMNS,
  REGISTER_LABELS,
  registerActorText,
  registerChangeText,
  registerColumnLabel,
  registerValueText,
  Role,
  shanghaiDateTime,
  type AgencyDto,
  type EnterpriseDto,
  type HistoryEntryDto,
  type ItemDto,
  type OfficerDto,
  type RegisterKind,
  type SessionUser,
} from '@mashang/shared';
import type { Query } from '../../logic/http';

export type RegisterEntry = AgencyDto | OfficerDto | ItemDto | EnterpriseDto;
export const REGISTER_PAGE_SIZE = 20;

/** The key of an entry: credit code for enterprises, id for the rest. */
export const entryKey = (register: RegisterKind, entry: RegisterEntry): string =>
  register === 'enterprises' ? (entry as EnterpriseDto).creditCode : (entry as AgencyDto).id;

/** What a register's form asks for, field by field. */
export type FieldKind = 'id' | 'creditCode' | 'text' | 'textarea' | 'region' | 'kind' | 'agency' | 'date' | 'phone' | 'flag' | 'grade';
export interface FieldSpec {
  key: string;
  kind: FieldKind;
  required: boolean;
  max?: number;
  /** Set when the entry is created, never changed after. */
  createOnly?: boolean;
  /** Changed on an existing entry only (an officer is created on duty). */
  editOnly?: boolean;
}

const FORMS: Record<RegisterKind, FieldSpec[]> = {
  agencies: [
    { key: 'id', kind: 'id', required: true, createOnly: true },
    { key: 'name', kind: 'text', required: true, max: 200 },
    { key: 'kind', kind: 'kind', required: true },
    { key: 'region', kind: 'region', required: true },
    { key: 'planApproval', kind: 'flag', required: false },
  ],
  officers: [
    { key: 'id', kind: 'id', required: true, createOnly: true },
    { key: 'agencyId', kind: 'agency', required: true, createOnly: true },
    { key: 'name', kind: 'text', required: true, max: 200 },
    { key: 'certNo', kind: 'text', required: true, max: 64 },
    { key: 'certExpires', kind: 'date', required: false },
    { key: 'phone', kind: 'phone', required: false },
    { key: 'active', kind: 'flag', required: false, editOnly: true },
  ],
  items: [
    { key: 'id', kind: 'id', required: true, createOnly: true },
    { key: 'agencyId', kind: 'agency', required: true, createOnly: true },
    { key: 'name', kind: 'text', required: true, max: 200 },
    { key: 'basis', kind: 'textarea', required: true, max: 2000 },
    { key: 'noDisturb', kind: 'flag', required: false },
    { key: 'industries', kind: 'text', required: false, max: 1000 },
    { key: 'commonViolations', kind: 'textarea', required: false, max: 2000 },
    { key: 'complianceGuide', kind: 'textarea', required: false, max: 2000 },
  ],
  enterprises: [
    { key: 'creditCode', kind: 'creditCode', required: true, createOnly: true },
    { key: 'name', kind: 'text', required: true, max: 200 },
    { key: 'industry', kind: 'text', required: true, max: 64 },
    { key: 'region', kind: 'region', required: true },
    { key: 'phone', kind: 'phone', required: false },
    { key: 'creditGrade', kind: 'grade', required: true },
    { key: 'lowTouch', kind: 'flag', required: false },
  ],
};

/** The fields of the form to create (`creating`) or edit an entry. */
export function formFields(register: RegisterKind, creating: boolean): FieldSpec[] {
  return FORMS[register].filter((field) => (creating ? !field.editOnly : true));
}

export const fieldLabel = registerColumnLabel;

/** The table's columns, and a cell as a person reads it. */
export const registerColumns = (register: RegisterKind) => REGISTER_COLUMNS[register];
export function cellText(field: string, entry: RegisterEntry, agencyNames: ReadonlyMap<string, string>): string {
  const value = (entry as unknown as Record<string, unknown>)[field];
  return field === 'id' || field === 'creditCode' || field === 'name' ? String(value ?? '') : registerValueText(field, value, agencyNames);
}

/** Who may add to a register and change its entries (the server decides again). */
export function mayCreate(register: RegisterKind, user: Pick<SessionUser, 'role'>): boolean {
  if (user.role === Role.Supervisor) return true;
  return user.role === Role.AgencyAdmin && (register === 'officers' || register === 'items');
}

export function mayEdit(register: RegisterKind, user: Pick<SessionUser, 'role' | 'agencyId'>, entry: RegisterEntry): boolean {
  if (user.role === Role.Supervisor) return true;
  return mayCreate(register, user) && (entry as OfficerDto).agencyId === user.agencyId;
}

export type Draft = Record<string, string | boolean>;

/**
 * The form's starting values: the entry's (a phone is never shown in clear, so its box starts empty and
 * empty means unchanged), or a new entry's (an agency admin's own agency, grade C, not on any list).
 */
export function draftFor(register: RegisterKind, entry: RegisterEntry | null, user: Pick<SessionUser, 'agencyId'>): Draft {
  const draft: Draft = {};
  for (const field of FORMS[register]) {
    const value = entry ? (entry as unknown as Record<string, unknown>)[field.key] : undefined;
    if (field.kind === 'flag') draft[field.key] = entry ? Boolean(value) : field.key === 'active';
    else if (field.kind === 'phone') draft[field.key] = '';
    else if (field.kind === 'grade') draft[field.key] = String(value ?? 'C');
    else if (field.kind === 'agency') draft[field.key] = String(value ?? user.agencyId ?? '');
    else draft[field.key] = value === null || value === undefined ? '' : String(value);
  }
  return draft;
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function fieldProblem(field: FieldSpec, raw: string | boolean): string | null {
  if (field.kind === 'flag') return null;
  const value = String(raw).trim();
  if (!value) return field.required ? (field.kind === 'agency' ? '请选择所属部门' : '必填') : null;
  switch (field.kind) {
    case 'id':
      return ID.test(value) ? null : '只能用字母、数字和 _ . : -，最多64位';
    case 'creditCode': {
      const problem = creditCodeProblem(normaliseCreditCode(value));
      return problem ? CREDIT_CODE_PROBLEM_TEXT[problem] : null;
    }
    case 'region':
      return /^\d{6}$/.test(value) ? null : '应为6位数字的行政区划代码';
    case 'date':
      return isCalendarDate(value) ? null : '应写成 年-月-日，如 2027-06-30';
    case 'phone':
      return /^\+?\d{5,20}$/.test(value) ? null : '应为5–20位数字，可以 + 开头';
    case 'grade':
      return /^[ABCD]$/.test(value) ? null : '请选择信用等级';
    case 'kind':
      return /^[a-z][a-z0-9-]{0,31}$/.test(value) ? null : '请选择行业主管类别';
    default:
      return field.max && value.length > field.max ? `不能超过${field.max}个字` : null;
  }
}

/** Problems by field key; empty when the draft may be sent. */
export function validateDraft(register: RegisterKind, draft: Draft, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of formFields(register, creating)) {
    if (!creating && field.createOnly) continue;
    const problem = fieldProblem(field, draft[field.key] ?? '');
    if (problem) errors[field.key] = problem;
  }
  return errors;
}

/** The body to create an entry: every field given (optional ones only when filled). */
export function createBody(register: RegisterKind, draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of formFields(register, true)) {
    const raw = draft[field.key];
    if (field.kind === 'flag') body[field.key] = Boolean(raw);
    else if (String(raw ?? '').trim()) body[field.key] = field.kind === 'creditCode' ? normaliseCreditCode(String(raw)) : String(raw).trim();
  }
  return body;
}

/** Only what changed; a cleared date becomes null, a cleared text empty; an empty phone box leaves the phone as it is. */
export function editPatch(register: RegisterKind, entry: RegisterEntry, draft: Draft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const before = entry as unknown as Record<string, unknown>;
  for (const field of formFields(register, false)) {
    if (field.createOnly) continue;
    const raw = draft[field.key];
    if (field.kind === 'flag') {
      if (Boolean(raw) !== Boolean(before[field.key])) patch[field.key] = Boolean(raw);
      continue;
    }
    const value = String(raw ?? '').trim();
    if (field.kind === 'phone') {
      if (value) patch[field.key] = value;
    } else if (!value) {
      // A cleared date is unknown (null); a cleared text (an item's guidance) is empty.
      if (!field.required && before[field.key] !== null && before[field.key] !== undefined && before[field.key] !== '') patch[field.key] = field.kind === 'date' ? null : '';
    } else if (value !== String(before[field.key] ?? '')) {
      patch[field.key] = value;
    }
  }
  return patch;
}

export interface HistoryLine {
  time: string;
  actor: string;
  action: string;
  changes: string[];
}

/** A register entry's history, oldest first, each change in Chinese. */
export function historyLines(entries: readonly HistoryEntryDto[], agencyNames: ReadonlyMap<string, string>): HistoryLine[] {
  return entries.map((entry) => ({
    time: shanghaiDateTime(entry.at),
    actor: entry.actorName || registerActorText(entry.actor),
    action: entry.action === 'create' ? '新增' : '修改',
    changes: Object.entries(entry.changes).map(([field, change]) => registerChangeText(field, change, agencyNames)),
  }));
}

/** The list's filters. */
export interface RegisterFilters {
  q: string;
  /** Officers and items of one agency (supervisors and discipline). */
  agencyId: string;
  /** Officers on duty, off duty, or both. */
  duty: 'all' | 'on' | 'off';
}

export const EMPTY_REGISTER_FILTERS: RegisterFilters = { q: '', agencyId: '', duty: 'all' };

/** The list request (and, without paging, the export's) for the filters a register takes. */
export function registerQuery(register: RegisterKind, filters: RegisterFilters, page?: number): Query {
  const query: Query = {};
  if (filters.q.trim()) query.q = filters.q.trim();
  if ((register === 'officers' || register === 'items') && filters.agencyId) query.agencyId = filters.agencyId;
  if (register === 'officers' && filters.duty !== 'all') query.active = filters.duty === 'on';
  if (page) Object.assign(query, { page, pageSize: REGISTER_PAGE_SIZE });
  return query;
}

export const exportFileName = (register: RegisterKind) => `${REGISTER_LABELS[register]}名录.xlsx`;

/** The path of one entry of a register in the API. */
export const entryPath = (register: RegisterKind, key: string) => `/api/registry/${register}/${encodeURIComponent(key)}`;
