/**
 * 立案: the filing form, from an inspection whose result is 立案 or from a complaint's flagged case.
 * Two officers of the agency at least (执法人员不少于两人), each with a valid certificate.
 */
import {
  CREDIT_CODE_PROBLEM_TEXT,
  creditCodeProblem,
  normaliseCreditCode,
  type FilePenaltyCaseRequest,
  type OfficerDto,
} from '@mashang/shared';
import { pageParam } from './page-param';

export const FACTS_MIN = 4;
export const FACTS_MAX = 4000;
const CLAUSE = /^[A-Za-z0-9_.:-]{1,64}$/;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An inspection leads to a penalty case when it is finished with the result 立案. */
export function mayFileCase(inspection: { status: string; result: string | null }): boolean {
  return inspection.status === 'finished' && inspection.result === 'case';
}

/** Where the case comes from, read from the page's address. */
export type FileOrigin = { kind: 'inspection'; inspectionId: string } | { kind: 'complaint'; flaggedCaseId: string };

/** `?inspectionId=…` or `?flaggedCaseId=…` (one of them); null when neither is a usable id. */
export function fileOrigin(params: Record<string, string | undefined>): FileOrigin | null {
  const inspectionId = pageParam(params.inspectionId);
  const flaggedCaseId = pageParam(params.flaggedCaseId).toLowerCase();
  if (inspectionId && !flaggedCaseId) return ID.test(inspectionId) ? { kind: 'inspection', inspectionId } : null;
  if (flaggedCaseId && !inspectionId) return UUID.test(flaggedCaseId) ? { kind: 'complaint', flaggedCaseId } : null;
  return null;
}

export function originText(origin: FileOrigin): string {
  return origin.kind === 'inspection' ? `检查发现：检查记录 ${origin.inspectionId}` : `投诉举报：监督案件 ${origin.flaggedCaseId}`;
}

export interface FileForm {
  /** The violation clause (a discretion benchmark's clause code). */
  cause: string;
  facts: string;
  officerIds: string[];
  /** Complaints only: when the complaint names no enterprise. */
  creditCode: string;
}

export type FileField = keyof FileForm | 'inspectionId' | 'flaggedCaseId';
export const FILE_FIELD_LABELS: Record<FileField, string> = {
  cause: '违法条款',
  facts: '违法事实',
  officerIds: '执法人员',
  creditCode: '统一社会信用代码',
  inspectionId: '检查记录',
  flaggedCaseId: '投诉举报',
};

/** Chinese for the server's English class-validator reasons, per field. */
export const FILE_FIELD_FALLBACKS: Partial<Record<FileField, string>> = {
  cause: '违法条款编号只含字母、数字和 - _ . :',
  facts: `违法事实须写${FACTS_MIN}–${FACTS_MAX}个字`,
  officerIds: '请选择本部门的执法人员，至少两人，不能重复',
  creditCode: '统一社会信用代码不正确',
  inspectionId: '检查记录编号不正确',
  flaggedCaseId: '投诉举报编号不正确',
};

export function emptyFileForm(ownOfficerId: string | null): FileForm {
  return { cause: '', facts: '', officerIds: ownOfficerId ? [ownOfficerId] : [], creditCode: '' };
}

/** Whether an officer's certificate is valid on `today` (YYYY-MM-DD); unknown counts as not valid, as the server has it. */
export function certificateValid(officer: Pick<OfficerDto, 'certExpires'>, today: string): boolean {
  return !!officer.certExpires && officer.certExpires >= today;
}

/** The line under an officer's name: the certificate, and when it no longer counts. */
export function officerLine(officer: OfficerDto, today: string): string {
  if (!officer.certExpires) return `执法证号 ${officer.certNo} · 执法证有效期未登记，不能办案`;
  if (!certificateValid(officer, today)) return `执法证号 ${officer.certNo} · 执法证已于 ${officer.certExpires} 到期，不能办案`;
  return `执法证号 ${officer.certNo} · 有效期至 ${officer.certExpires}`;
}

export function validateFileForm(form: FileForm, officers: readonly OfficerDto[], today: string): Partial<Record<FileField, string>> {
  const errors: Partial<Record<FileField, string>> = {};
  const cause = form.cause.trim();
  if (!cause) errors.cause = '请填写违法条款编号（裁量基准中的条款，如 FSL-126）';
  else if (!CLAUSE.test(cause)) errors.cause = FILE_FIELD_FALLBACKS.cause;
  const facts = form.facts.trim();
  if (facts.length < FACTS_MIN) errors.facts = `请写明违法事实（至少${FACTS_MIN}个字）`;
  else if (facts.length > FACTS_MAX) errors.facts = `违法事实不能超过${FACTS_MAX}个字`;
  if (form.officerIds.length < 2) errors.officerIds = '执法人员不少于两人：请再选择一名';
  else {
    const lapsed = officers.filter((o) => form.officerIds.includes(o.id) && !certificateValid(o, today));
    if (lapsed.length) errors.officerIds = `执法证无效或已过期：${lapsed.map((o) => o.name).join('、')}，请换由持有有效执法证的人员办理`;
  }
  const code = normaliseCreditCode(form.creditCode);
  if (code) {
    const problem = creditCodeProblem(code);
    if (problem) errors.creditCode = CREDIT_CODE_PROBLEM_TEXT[problem];
  }
  return errors;
}

export function fileRequest(form: FileForm, origin: FileOrigin): FilePenaltyCaseRequest {
  const request: FilePenaltyCaseRequest = { cause: form.cause.trim(), facts: form.facts.trim(), officerIds: [...form.officerIds] };
  if (origin.kind === 'inspection') request.inspectionId = origin.inspectionId;
  else {
    request.flaggedCaseId = origin.flaggedCaseId;
    const code = normaliseCreditCode(form.creditCode);
    if (code) request.creditCode = code;
  }
  return request;
}
