import type { OfficerDto } from '@mashang/shared';
import { certificateValid, emptyFileForm, fileOrigin, fileRequest, mayFileCase, officerLine, validateFileForm } from './penalty-file';

const officer = (id: string, certExpires: string | null): OfficerDto => ({ id, agencyId: 'A1', name: `人员${id}`, certNo: `豫C${id}`, phone: null, certExpires, active: true });
const OFFICERS = [officer('O1', '2099-12-31'), officer('O1b', '2099-12-31'), officer('O1x', '2020-01-01'), officer('O1n', null)];
const TODAY = '2026-12-06';

describe('where a case comes from', () => {
  it('is an inspection finished with the result 立案', () => {
    expect(mayFileCase({ status: 'finished', result: 'case' })).toBe(true);
    expect(mayFileCase({ status: 'finished', result: 'rectify' })).toBe(false);
    expect(mayFileCase({ status: 'on-site', result: null })).toBe(false);
  });

  it('is an inspection or a complaint, never both or neither', () => {
    expect(fileOrigin({ inspectionId: 'INS-CASE' })).toEqual({ kind: 'inspection', inspectionId: 'INS-CASE' });
    expect(fileOrigin({ flaggedCaseId: '0190B7F0-0000-7000-8000-000000000000' })).toEqual({ kind: 'complaint', flaggedCaseId: '0190b7f0-0000-7000-8000-000000000000' });
    expect(fileOrigin({})).toBeNull();
    expect(fileOrigin({ inspectionId: 'a', flaggedCaseId: '0190b7f0-0000-7000-8000-000000000000' })).toBeNull();
    expect(fileOrigin({ inspectionId: 'no spaces' })).toBeNull();
    expect(fileOrigin({ flaggedCaseId: 'nope' })).toBeNull();
  });
});

describe('the filing form', () => {
  it('starts with the filing officer chosen', () => {
    expect(emptyFileForm('O1').officerIds).toEqual(['O1']);
    expect(emptyFileForm(null).officerIds).toEqual([]);
  });

  it('wants a clause, the facts and two officers with valid certificates', () => {
    expect(validateFileForm(emptyFileForm('O1'), OFFICERS, TODAY)).toEqual({
      cause: expect.stringContaining('违法条款'), facts: '请写明违法事实（至少4个字）', officerIds: '执法人员不少于两人：请再选择一名',
    });
    const form = { cause: 'FSL-126', facts: '现场有3批次食品无进货记录', officerIds: ['O1', 'O1x'], creditCode: '' };
    expect(validateFileForm(form, OFFICERS, TODAY)).toEqual({ officerIds: '执法证无效或已过期：人员O1x，请换由持有有效执法证的人员办理' });
    expect(validateFileForm({ ...form, officerIds: ['O1', 'O1b'] }, OFFICERS, TODAY)).toEqual({});
    expect(validateFileForm({ ...form, officerIds: ['O1', 'O1b'], cause: '第126条' }, OFFICERS, TODAY)).toHaveProperty('cause');
    expect(validateFileForm({ ...form, officerIds: ['O1', 'O1b'], creditCode: '9144' }, OFFICERS, TODAY)).toEqual({ creditCode: '统一社会信用代码应为18位' });
  });

  it('reads certificates as the server does: unknown or past is not valid', () => {
    expect(certificateValid(OFFICERS[0], TODAY)).toBe(true);
    expect(certificateValid(officer('x', TODAY), TODAY)).toBe(true);
    expect(certificateValid(OFFICERS[2], TODAY)).toBe(false);
    expect(certificateValid(OFFICERS[3], TODAY)).toBe(false);
    expect(officerLine(OFFICERS[2], TODAY)).toBe('执法证号 豫CO1x · 执法证已于 2020-01-01 到期，不能办案');
    expect(officerLine(OFFICERS[0], TODAY)).toBe('执法证号 豫CO1 · 有效期至 2099-12-31');
  });

  it('sends the origin it came from, and a credit code only for a complaint', () => {
    const form = { cause: ' FSL-126 ', facts: ' 无进货记录 ', officerIds: ['O1', 'O1b'], creditCode: '91440300708461136t' };
    expect(fileRequest(form, { kind: 'inspection', inspectionId: 'INS-CASE' })).toEqual({ cause: 'FSL-126', facts: '无进货记录', officerIds: ['O1', 'O1b'], inspectionId: 'INS-CASE' });
    expect(fileRequest(form, { kind: 'complaint', flaggedCaseId: 'f' })).toEqual({
      cause: 'FSL-126', facts: '无进货记录', officerIds: ['O1', 'O1b'], flaggedCaseId: 'f', creditCode: '91440300708461136T',
    });
  });
});
