import { CASE_CONCLUSION_LABELS, CASE_STATUS_LABELS, FLAG_SOURCE_LABELS, toShanghaiIso, type CaseListItem, type TableCell } from '@mashang/shared';

export function caseRows(items: CaseListItem[]): { header: string[]; rows: TableCell[][] } {
  return {
    header: ['案件编号', '来源', '标题', '执法部门', '企业', '统一社会信用代码', '执法人员', '状态', '结论', '承办人', '期限', '是否逾期', '发起时间', '更新时间'],
    rows: items.map((c) => [
      c.id, FLAG_SOURCE_LABELS[c.source] ?? c.source, c.title, c.agencyName ?? c.agencyId, c.enterpriseName, c.creditCode, c.officerName ?? c.officerId,
      CASE_STATUS_LABELS[c.status] ?? c.status, c.conclusion ? CASE_CONCLUSION_LABELS[c.conclusion] : null, c.assigneeName, c.deadline,
      c.overdue ? '逾期' : '', toShanghaiIso(c.createdAt), toShanghaiIso(c.updatedAt),
    ]),
  };
}

export { workbook } from '../../../infra/excel/workbook.js';
