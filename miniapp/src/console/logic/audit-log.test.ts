import { auditActorText, auditFilterText, auditQuery, auditRowsText, auditWhatText, chainText, EMPTY_AUDIT_FILTERS } from './audit-log';

describe('audit log page logic', () => {
  it('asks for what the filters hold, leaving out what is empty or not a date yet', () => {
    expect(auditQuery(EMPTY_AUDIT_FILTERS, 1)).toEqual({ page: 1, pageSize: 20 });
    expect(auditQuery({ actor: ' supervisor ', action: 'export-unmasked', from: '2026-05-01', to: '2026-05-3' }, 2)).toEqual({
      page: 2, pageSize: 20, actor: 'supervisor', action: 'export-unmasked', from: '2026-05-01',
    });
  });

  it('says who, what and how many rows in Chinese', () => {
    expect(auditActorText('user:3:supervisor')).toBe('supervisor');
    expect(auditActorText('cli')).toBe('命令行（运维）');
    expect(auditWhatText({ action: 'export-unmasked', resource: 'exchange/officers' })).toBe('明文导出（含完整手机号） · 交换数据：执法人员');
    expect(auditWhatText({ action: 'export', resource: 'supervision/cases' })).toBe('导出 · 监督台账：监督案件');
    expect(auditRowsText(12)).toBe('12');
    expect(auditRowsText(null)).toBe('未完成');
    expect(auditFilterText({ agencyId: 'A1', status: 'active', files: { officers: 3 }, incomplete: true })).toBe('部门 A1，状态 未办结，中途中断');
    // Values by their labels, agencies by name, a condition without a label counted rather than shown by its key.
    expect(auditFilterText({ agencyId: 'A1', source: 'rating', status: 'rectifying', overdue: true, active: true, sortKey: 'x' }, new Map([['A1', '市场监督管理局']])))
      .toBe('部门 市场监督管理局，来源 企业差评，状态 整改中，仅逾期，人员 在岗，其他条件 1 项');
    expect(auditFilterText({})).toBe('');
  });

  it('tells whether the chain holds', () => {
    expect(chainText({ intact: true, entries: 7, firstBreak: null })).toBe('日志链完整（共 7 条，未被篡改）');
    expect(chainText({ intact: false, entries: 7, firstBreak: { seq: 3, reason: 'hash-mismatch' } })).toBe('日志链在第 3 条断开：内容被改动');
  });
});
