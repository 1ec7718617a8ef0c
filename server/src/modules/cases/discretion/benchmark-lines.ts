import { canonicalBenchmark, validateBenchmark, type BenchmarkImportProblem, type DiscretionBenchmark } from '@mashang/shared';

/** Problems an import answer lists at most (their count is always given). */
export const MAX_LISTED_PROBLEMS = 200;

export interface ParsedBenchmarks {
  benchmarks: DiscretionBenchmark[];
  /** Lines holding a record (blank lines are skipped). */
  lines: number;
  problems: BenchmarkImportProblem[];
  problemCount: number;
}

/**
 * Reads a JSON Lines text of benchmarks (shared/spec/discretion-benchmark.md): one record per line,
 * blank lines skipped, every line checked before anything is kept. Problems name the line (from 1)
 * and the field; a clause listed twice is a problem of its second line.
 */
export function parseBenchmarkLines(text: string): ParsedBenchmarks {
  const benchmarks: DiscretionBenchmark[] = [];
  const problems: BenchmarkImportProblem[] = [];
  let problemCount = 0;
  const report = (line: number, field: string, reason: string) => {
    problemCount++;
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ line, field, reason });
  };
  const firstLine = new Map<string, number>();
  let lines = 0;
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    lines++;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      report(line, '(line)', '不是有效的 JSON');
      return;
    }
    const { benchmark, problems: found } = validateBenchmark(value);
    for (const p of found) report(line, p.field, p.reason);
    if (!benchmark) return;
    const first = firstLine.get(benchmark.clause);
    if (first !== undefined) {
      report(line, 'clause', `与第 ${first} 行的条款重复`);
      return;
    }
    firstLine.set(benchmark.clause, line);
    benchmarks.push(benchmark);
  });
  if (!lines) report(1, '(file)', '文件中没有裁量基准记录');
  return { benchmarks, lines, problems, problemCount };
}

/** One line of the export (newline included). */
export function benchmarkLine(benchmark: DiscretionBenchmark): string {
  return `${canonicalBenchmark(benchmark)}\n`;
}

/** `3: factors[1].points: 应为整数` — how the command line and the console show a problem. */
export const problemText = (p: BenchmarkImportProblem) => `${p.line}: ${p.field}: ${p.reason}`;
