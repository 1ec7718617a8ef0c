import type { ImportStatusView } from '@mashang/shared';
import { countsText, importStage, moreProblemsText, problemLine, sortImportFiles } from './imports';

const status = (over: Partial<ImportStatusView>): ImportStatusView => ({ id: 'x', files: [], state: 'completed', progress: null, result: null, error: null, ...over });

describe('the register import page', () => {
  it('sorts picked files into the format by name, in import order, and names the ones it cannot use', () => {
    const picked = [
      { name: 'officers.jsonl', size: 10, file: 1 },
      { name: 'agencies.NDJSON', size: 5, file: 2 },
      { name: 'people.csv', size: 1, file: 3 },
      { name: 'officers.ndjson', size: 2, file: 4 },
    ];
    const { chosen, problems } = sortImportFiles(picked);
    expect(chosen.map((c) => [c.kind, c.file])).toEqual([['agencies', 2], ['officers', 1]]);
    expect(problems).toEqual([
      'people.csv：不是数据交换格式的文件，文件名应为 agencies.jsonl、officers.jsonl、items.jsonl、enterprises.jsonl、inspections.jsonl、cases.jsonl、ratings.jsonl 之一',
      'officers.ndjson：与 officers.jsonl 同为执法人员文件，只能选一个',
    ]);
  });

  it('writes problems as the format does', () => {
    expect(problemLine({ file: 'enterprises.jsonl', line: 17, field: 'creditCode', reason: '第18位校验码不正确' })).toBe('enterprises.jsonl:17: creditCode: 第18位校验码不正确');
  });

  it('follows the upload, the check and the write on one bar', () => {
    expect(importStage({ sent: 50, total: 200 }, null)).toEqual({ label: '正在上传文件 25%', percent: 25, done: false, ok: true });
    expect(importStage(null, status({ state: 'waiting' })).label).toBe('已上传，等待导入…');
    expect(importStage(null, status({ state: 'active', progress: { phase: 'validate', file: 'officers.jsonl', lines: 120, percent: 40.5 } }))).toEqual({
      label: '正在校验（officers.jsonl，第 120 行） 40%', percent: 40, done: false, ok: true,
    });
    expect(importStage(null, status({ result: { ok: false, problems: [], problemCount: 3, counts: {} } }))).toMatchObject({ label: '校验未通过：共 3 个问题，未导入任何数据', ok: false, done: true });
    expect(importStage(null, status({ result: { ok: true, problems: [], problemCount: 0, counts: { officers: 5, agencies: 2 } } })).label).toBe('导入完成：执法部门 2 条、执法人员 5 条');
    expect(importStage(null, status({ state: 'failed', error: '数据库连接中断' })).label).toBe('导入失败：数据库连接中断，未导入任何数据');
    expect(countsText({})).toBe('没有数据');
  });

  it('says how many problems were not listed', () => {
    const problems = [{ file: 'a.jsonl', line: 1, field: 'id', reason: 'x' }];
    expect(moreProblemsText(status({ result: { ok: false, problems, problemCount: 1001, counts: {} } }))).toBe('…… 另有 1000 个问题未列出');
    expect(moreProblemsText(status({ result: { ok: false, problems, problemCount: 1, counts: {} } }))).toBe('');
  });
});
