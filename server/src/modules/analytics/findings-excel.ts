import type { Writable } from 'node:stream';
import { ANOMALY_RULE_TITLES, ANOMALY_SEVERITY_LABELS, evidenceForAgency, type AnomalyRuleId, type AnomalySeverity } from '@mashang/shared';
import ExcelJS from 'exceljs';
import type { AnomalyFindingRepository, FindingScope } from './anomaly-finding.repository.js';
import { storedFindings } from './report-file.js';

const SUBJECT_LABELS: Record<string, string> = {
  inspection: '检查',
  'enterprise-agency': '企业-部门',
  enterprise: '企业',
  case: '案件',
  officer: '执法人员',
  agency: '部门',
};

/**
 * Streams a report's findings (optionally of one agency and rule) as an .xlsx workbook: rows are
 * committed as they are read, so the sheet is never held whole in memory. `forAgency`: the evidence
 * as an agency admin may read it (evidenceForAgency).
 */
export async function writeFindingsWorkbook(findings: AnomalyFindingRepository, asOf: string, scope: FindingScope, out: Writable, forAgency = false): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(`研判结果 ${asOf}`);
  sheet.columns = [
    { header: '规则', key: 'rule', width: 28 },
    { header: '规则名称', key: 'title', width: 26 },
    { header: '严重程度', key: 'severity', width: 10 },
    { header: '对象类型', key: 'subjectType', width: 12 },
    { header: '对象', key: 'subject', width: 30 },
    { header: '部门', key: 'agencyId', width: 12 },
    { header: '说明', key: 'explanation', width: 60 },
    { header: '证据', key: 'evidence', width: 80 },
    { header: '监督案件', key: 'flaggedCaseId', width: 38 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const r of storedFindings(findings, asOf, scope)) {
    sheet.addRow({
      rule: r.rule,
      title: ANOMALY_RULE_TITLES[r.rule as AnomalyRuleId],
      severity: ANOMALY_SEVERITY_LABELS[r.severity as AnomalySeverity],
      subjectType: SUBJECT_LABELS[r.subject_type] ?? r.subject_type,
      subject: r.subject_id,
      agencyId: r.agency_id ?? '',
      explanation: r.explanation,
      evidence: forAgency ? JSON.stringify(evidenceForAgency(r.rule, JSON.parse(r.evidence))) : r.evidence,
      flaggedCaseId: r.flagged_case_id ?? '',
    }).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
