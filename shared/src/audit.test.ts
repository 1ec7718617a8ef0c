import { AUDIT_RESOURCES, auditResourceLabel, unmaskedPurposeProblem } from './audit.js';

describe('audit vocabulary', () => {
  it('names each resource in Chinese', () => {
    expect(auditResourceLabel(AUDIT_RESOURCES.exchange('officers'))).toBe('交换数据：执法人员');
    expect(auditResourceLabel(AUDIT_RESOURCES.exchange())).toBe('交换数据（全部文件）');
    expect(auditResourceLabel(AUDIT_RESOURCES.register('enterprises'))).toBe('名录：企业');
    expect(auditResourceLabel(AUDIT_RESOURCES.consoleTable('cases'))).toBe('监督台账：监督案件');
    expect(auditResourceLabel(AUDIT_RESOURCES.anomalyFindings('2026-11-20'))).toBe('研判问题清单（2026-11-20）');
    expect(auditResourceLabel(AUDIT_RESOURCES.anomalyReport('2026-11-20'))).toBe('研判报告文件（2026-11-20）');
    expect(auditResourceLabel(AUDIT_RESOURCES.phones)).toBe('全部已存手机号');
    expect(auditResourceLabel(AUDIT_RESOURCES.disputedClauses('2026-01-01', '2026-06-30'))).toBe('争议条款统计（2026-01-01 至 2026-06-30）');
    expect(auditResourceLabel(AUDIT_RESOURCES.warningReport(2025))).toBe('高发违法行为预警报告（2025年）');
    expect(auditResourceLabel('something/else')).toBe('something/else');
  });

  it('takes as purpose of an export in clear a reason in Chinese of at least six characters', () => {
    expect(unmaskedPurposeProblem('核对企业联系电话以便送达文书')).toBeNull();
    expect(unmaskedPurposeProblem('  数据迁移备份  ')).toBeNull();
    expect(unmaskedPurposeProblem(undefined)).toMatch(/须说明用途/);
    expect(unmaskedPurposeProblem('   ')).toMatch(/须说明用途/);
    expect(unmaskedPurposeProblem('工作需要')).toMatch(/至少 6 个汉字/);
    expect(unmaskedPurposeProblem('need the phones for migration')).toMatch(/至少 6 个汉字/);
    expect(unmaskedPurposeProblem('核'.repeat(201))).toMatch(/不超过 200 字/);
  });
});
