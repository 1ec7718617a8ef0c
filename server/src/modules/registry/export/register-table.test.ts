import { registerTable } from './register-table.js';

const NAMES = new Map([['A1', '市市场监督管理局']]);

describe('a register as a sheet', () => {
  it('reads officers in Chinese: their agency by name, duty and an unknown expiry in words, the phone masked as given', () => {
    expect(registerTable('officers', [{ id: 'O1', agencyId: 'A1', name: '张伟', certNo: '豫C0000001', certExpires: null, phone: '138****5678', active: false }], NAMES)).toEqual({
      header: ['编号', '所属部门', '姓名', '执法证号', '执法证有效期至', '联系电话', '在岗状态'],
      rows: [['O1', '市市场监督管理局', '张伟', '豫C0000001', '未填', '138****5678', '停用']],
    });
  });

  it('reads items, enterprises and agencies with their flags, grades and kinds in words', () => {
    expect(registerTable('items', [{ id: 'I1', agencyId: 'A9', name: '消防检查', basis: '消防法', noDisturb: true, industries: '', commonViolations: '', complianceGuide: '' }], NAMES).rows).toEqual([['I1', 'A9', '消防检查', '消防法', '在名单内']]);
    const enterprise = { creditCode: '91440300708461136T', name: '老王烩面馆', industry: '餐饮服务', region: '410204', phone: null, creditGrade: 'A' as const, lowTouch: true };
    expect(registerTable('enterprises', [enterprise], NAMES)).toEqual({
      header: ['统一社会信用代码', '企业名称', '行业', '行政区划代码', '联系电话', '信用等级', '无感监管名单'],
      rows: [['91440300708461136T', '老王烩面馆', '餐饮服务', '410204', '未填', 'A级（守信）', '在名单内']],
    });
    expect(registerTable('agencies', [{ id: 'A1', name: '市市场监督管理局', kind: 'market', region: '410200', planApproval: true }], NAMES).rows).toEqual([['A1', '市市场监督管理局', '市场监管', '410200', '须审批']]);
  });
});
