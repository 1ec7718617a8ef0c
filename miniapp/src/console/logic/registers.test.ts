import type { OfficerDto } from '@mashang/shared';
import {
  cellText,
  createBody,
  draftFor,
  editPatch,
  formFields,
  historyLines,
  mayCreate,
  mayEdit,
  registerQuery,
  validateDraft,
  EMPTY_REGISTER_FILTERS,
} from './registers';

const OFFICER: OfficerDto = { id: 'O1', agencyId: 'A1', name: '张伟', certNo: '豫C0000001', phone: '138****5678', certExpires: '2027-06-30', active: true };
const NAMES = new Map([['A1', '市市场监督管理局']]);
const ADMIN = { role: 'agency-admin' as const, agencyId: 'A1' };
const SUPERVISOR = { role: 'supervisor' as const, agencyId: null };

describe('register pages', () => {
  it('reads cells in Chinese: the agency by name, duty, an unknown expiry', () => {
    expect(cellText('agencyId', OFFICER, NAMES)).toBe('市市场监督管理局');
    expect(cellText('active', { ...OFFICER, active: false }, NAMES)).toBe('停用');
    expect(cellText('certExpires', { ...OFFICER, certExpires: null }, NAMES)).toBe('未填');
    expect(cellText('id', OFFICER, NAMES)).toBe('O1');
  });

  it('lets agency admins keep their own officers and items, supervisors everything', () => {
    expect(mayCreate('officers', ADMIN)).toBe(true);
    expect(mayCreate('enterprises', ADMIN)).toBe(false);
    expect(mayCreate('agencies', SUPERVISOR)).toBe(true);
    expect(mayCreate('items', { role: 'discipline' })).toBe(false);
    expect(mayEdit('officers', ADMIN, OFFICER)).toBe(true);
    expect(mayEdit('officers', { ...ADMIN, agencyId: 'A2' }, OFFICER)).toBe(false);
    expect(mayEdit('officers', SUPERVISOR, OFFICER)).toBe(true);
  });

  it('onboards an officer: their own agency preset, on duty, the fields checked before sending', () => {
    expect(formFields('officers', true).map((f) => f.key)).toEqual(['id', 'agencyId', 'name', 'certNo', 'certExpires', 'phone']);
    const draft = draftFor('officers', null, ADMIN);
    expect(draft).toMatchObject({ agencyId: 'A1', active: true, phone: '' });
    expect(validateDraft('officers', { ...draft, id: 'O 9', certExpires: '2027-02-30', phone: '12' }, true)).toEqual({
      id: '只能用字母、数字和 _ . : -，最多64位', name: '必填', certNo: '必填', certExpires: '应写成 年-月-日，如 2027-06-30', phone: '应为5–20位数字，可以 + 开头',
    });
    expect(createBody('officers', { ...draft, id: 'O9', name: ' 赵敏 ', certNo: '豫C0000099' })).toEqual({ id: 'O9', agencyId: 'A1', name: '赵敏', certNo: '豫C0000099' });
  });

  it('edits only what changed: an empty phone box keeps the phone, a cleared expiry becomes null, duty as a flag', () => {
    const draft = draftFor('officers', OFFICER, ADMIN);
    expect(draft).toMatchObject({ phone: '', certExpires: '2027-06-30', active: true });
    expect(editPatch('officers', OFFICER, draft)).toEqual({});
    expect(editPatch('officers', OFFICER, { ...draft, certExpires: '', active: false })).toEqual({ certExpires: null, active: false });
    expect(editPatch('officers', OFFICER, { ...draft, certNo: '豫C0000002', phone: '13900001111' })).toEqual({ certNo: '豫C0000002', phone: '13900001111' });
    // An item's legal basis corrected.
    const item = { id: 'I1', agencyId: 'A1', name: '食品经营许可检查', basis: '食品安全法', noDisturb: false, industries: '', commonViolations: '', complianceGuide: '' };
    expect(editPatch('items', item, { ...draftFor('items', item, ADMIN), basis: '《中华人民共和国食品安全法》第八十七条' })).toEqual({ basis: '《中华人民共和国食品安全法》第八十七条' });
    expect(validateDraft('items', { ...draftFor('items', item, ADMIN), basis: ' ' }, false)).toEqual({ basis: '必填' });
  });

  it("edits an item's guidance for the booklet: industries and texts, a cleared text sent empty", () => {
    const item = { id: 'I1', agencyId: 'A1', name: '食品经营许可检查', basis: '食品安全法', noDisturb: false, industries: '餐饮服务', commonViolations: '超范围经营', complianceGuide: '' };
    expect(formFields('items', false).map((f) => f.key)).toEqual(['id', 'agencyId', 'name', 'basis', 'noDisturb', 'industries', 'commonViolations', 'complianceGuide']);
    const draft = draftFor('items', item, ADMIN);
    expect(editPatch('items', item, { ...draft, industries: '餐饮服务、食品销售', commonViolations: '', complianceGuide: '在许可范围内经营' }))
      .toEqual({ industries: '餐饮服务、食品销售', commonViolations: '', complianceGuide: '在许可范围内经营' });
    expect(validateDraft('items', { ...draft, complianceGuide: '字'.repeat(2001) }, false)).toEqual({ complianceGuide: '不能超过2000个字' });
  });

  it('checks an enterprise credit code and grade', () => {
    const draft = { ...draftFor('enterprises', null, SUPERVISOR), creditCode: '91440300708461136U', name: '某公司', industry: '餐饮服务', region: '410204' };
    expect(validateDraft('enterprises', draft, true)).toEqual({ creditCode: '第18位校验码不正确' });
    expect(createBody('enterprises', { ...draft, creditCode: '91440300708461136t' })).toEqual({
      creditCode: '91440300708461136T', name: '某公司', industry: '餐饮服务', region: '410204', creditGrade: 'C', lowTouch: false,
    });
  });

  it('tells the history in Chinese with who made each change', () => {
    expect(historyLines([
      { at: '2026-11-20T02:00:00.000Z', actor: 'user:3:admin1', action: 'update', changes: { active: { from: true, to: false }, agencyId: { from: null, to: 'A1' } } },
      { at: '2026-11-01T02:00:00.000Z', actor: 'import:/data', action: 'create', changes: { creditGrade: { from: null, to: 'B' } } },
    ], NAMES)).toEqual([
      { time: '2026-11-20 10:00', actor: 'admin1', action: '修改', changes: ['在岗状态：在岗 → 停用', '所属部门：未填 → 市市场监督管理局'] },
      { time: '2026-11-01 10:00', actor: '数据导入', action: '新增', changes: ['信用等级：未填 → B级'] },
    ]);
    // The server names the user where it can: the name, not the account.
    expect(historyLines([{ at: '2026-11-20T02:00:00.000Z', actor: 'user:3:admin1', actorName: '王主任', action: 'update', changes: {} }], NAMES)[0].actor).toBe('王主任');
  });

  it('asks for what each register filters by', () => {
    const filters = { q: ' 张 ', agencyId: 'A1', duty: 'off' as const };
    expect(registerQuery('officers', filters, 2)).toEqual({ q: '张', agencyId: 'A1', active: false, page: 2, pageSize: 20 });
    expect(registerQuery('items', filters)).toEqual({ q: '张', agencyId: 'A1' });
    expect(registerQuery('enterprises', filters)).toEqual({ q: '张' });
    expect(registerQuery('agencies', EMPTY_REGISTER_FILTERS, 1)).toEqual({ page: 1, pageSize: 20 });
  });
});
