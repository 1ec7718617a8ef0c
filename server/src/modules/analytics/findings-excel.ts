import type { Writable } from 'node:stream';
import {
  ANOMALY_RULE_TITLES,
  ANOMALY_SEVERITY_LABELS,
  ANOMALY_SUBJECT_TYPE_LABELS,
  evidenceForAgency,
  evidenceText,
  type AnomalyRuleId,
  type AnomalySeverity,
  type AnomalySubjectType,
} from '@mashang/shared';
import ExcelJS from 'exceljs';
import type { AnomalyFindingRepository, FindingScope } from './anomaly-finding.repository.js';
import { storedFindings } from './report-file.js';

/**
 * Streams a report's findings (optionally of one agency and rule) as an .xlsx workbook: rows are
 * committed as they are read, so the sheet is never held whole in memory. The evidence reads in
 * Chinese (evidenceText); `forAgency`: as an agency admin may read it (evidenceForAgency).
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
    const evidence = JSON.parse(r.evidence) as Record<string, unknown>;
    sheet.addRow({
      rule: r.rule,
      title: ANOMALY_RULE_TITLES[r.rule as AnomalyRuleId],
      severity: ANOMALY_SEVERITY_LABELS[r.severity as AnomalySeverity],
      subjectType: ANOMALY_SUBJECT_TYPE_LABELS[r.subject_type as AnomalySubjectType] ?? r.subject_type,
      subject: r.subject_id,
      agencyId: r.agency_id ?? '',
      explanation: r.explanation,
      evidence: evidenceText(forAgency ? evidenceForAgency(r.rule, evidence) : evidence),
      flaggedCaseId: r.flagged_case_id ?? '',
    }).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
