import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessDiscretion } from '@mashang/shared';
import { benchmarkLine, parseBenchmarkLines, problemText } from './benchmark-lines.js';

const SPEC = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/spec/discretion-benchmark.md');

const record = (clause: string, patch: Record<string, unknown> = {}) => JSON.stringify({
  clause,
  name: '不执行明码标价规定',
  legalBasis: '《中华人民共和国价格法》第四十二条',
  factors: [{ id: 'first-offence', label: '初次违法', points: -2 }],
  bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 50_000, max: 200_000 }, general: { min: 200_000, max: 400_000 }, severe: { min: 400_000, max: 750_000 } },
  ...patch,
});

describe('benchmark JSON Lines', () => {
  it('reads one record per line, skipping blank lines and a byte-order mark, counting lines from 1', () => {
    const parsed = parseBenchmarkLines(`\uFEFF${record('PRL-42')}\r\n\n${record('PRL-43')}\n`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.lines).toBe(2);
    expect(parsed.benchmarks.map((b) => b.clause)).toEqual(['PRL-42', 'PRL-43']);
  });

  it('names every problem by line and field, a repeated clause on its second line', () => {
    const parsed = parseBenchmarkLines([
      record('PRL-42'),
      '{"clause": "PRL-43",',
      record('PRL-44', { factors: [{ id: 'First', label: '初次违法', points: 1.5 }] }),
      '',
      record('PRL-42'),
      '[1, 2]',
    ].join('\n'));
    expect(parsed.problems.map(problemText)).toEqual([
      '2: (line): 不是有效的 JSON',
      '3: factors[0].id: 应由小写字母、数字和连字符组成，以字母开头，如 first-offence',
      '3: factors[0].points: 应为整数',
      '5: clause: 与第 1 行的条款重复',
      '6: (record): 应为一个 JSON 对象',
    ]);
    expect(parsed.problemCount).toBe(5);
  });

  it('refuses a file without records', () => {
    expect(parseBenchmarkLines('\n  \n').problems).toEqual([{ line: 1, field: '(file)', reason: '文件中没有裁量基准记录' }]);
  });

  it('writes what it reads: a line of the export reads back as the same benchmark', () => {
    const [benchmark] = parseBenchmarkLines(record('PRL-42', { extra: 'ignored' })).benchmarks;
    const line = benchmarkLine(benchmark);
    expect(line.endsWith('\n')).toBe(true);
    expect(line).not.toContain('extra');
    expect(parseBenchmarkLines(line).benchmarks).toEqual([benchmark]);
    expect(benchmarkLine(parseBenchmarkLines(line).benchmarks[0])).toBe(line);
  });

  it('reads the specification’s example as it says', () => {
    const example = /```json\n([\s\S]*?)```/.exec(readFileSync(SPEC, 'utf8'))![1].split('\n').map((l) => l.trim()).join('');
    const parsed = parseBenchmarkLines(example);
    expect(parsed.problems).toEqual([]);
    const [b] = parsed.benchmarks;
    expect(benchmarkLine(b)).toBe(`${example}\n`);
    expect(assessDiscretion(b, ['first-offence', 'cooperation'])).toEqual({ points: -3, level: 'light', range: { min: 250_000, max: 1_250_000 } });
    expect(assessDiscretion(b, ['illegal-gains', 'harm']).level).toBe('severe');
    expect(assessDiscretion(b, []).level).toBe('general');
  });
});
