// 裁量基准 administration: the API's types, the JSON Lines format's version, and how a change reads
// in Chinese (the history is the chain of stored versions; each line compares one with the one before).
import type { FieldError } from './errors.js';
import { DISCRETION_LEVELS, DISCRETION_LEVEL_LABELS } from './penalty-cases.js';
import type { DiscretionBenchmark } from './penalty-workflow.js';

/** Version of shared/spec/discretion-benchmark.md the import reads and the export writes. */
export const BENCHMARK_FORMAT_VERSION = 1;

/** How a benchmark was written, as its history records it. */
export const BENCHMARK_SOURCES = ['edit', 'import', 'demo'] as const;
export type BenchmarkSource = (typeof BENCHMARK_SOURCES)[number];
export const BENCHMARK_SOURCE_LABELS: Record<BenchmarkSource, string> = { edit: '在线编辑', import: '批量导入', demo: '演示数据' };

/** GET /api/discretion-benchmarks/:clause and PUT's answer. */
export interface DiscretionBenchmarkView extends DiscretionBenchmark {
  /** ISO instant of the last change. */
  updatedAt: string;
  /** Who changed it last, by name (a signed-in user's username, 命令行, 演示数据). */
  updatedBy: string;
}

/** GET /api/discretion-benchmarks?q=&page=&pageSize= — a row of the list. */
export interface DiscretionBenchmarkListItem {
  clause: string;
  name: string;
  legalBasis: string;
  factorCount: number;
  /** In fen: the lightest range's minimum and the heaviest's maximum. */
  fineFrom: number;
  fineTo: number;
  updatedAt: string;
  updatedBy: string;
}

/** One entry of GET /api/discretion-benchmarks/:clause/history, newest first. */
export interface BenchmarkHistoryEntry {
  seq: number;
  at: string;
  /** Who, by name. */
  by: string;
  source: BenchmarkSource;
  /** What changed against the version before, in Chinese. */
  changes: string[];
  /** The benchmark as it was saved. */
  benchmark: DiscretionBenchmark;
}

export interface BenchmarkHistory {
  clause: string;
  /** Whether the hash chain of the history verifies. */
  intact: boolean;
  entries: BenchmarkHistoryEntry[];
}

/** One problem of an import: `line: field: reason`, like the exchange import. */
export interface BenchmarkImportProblem extends FieldError {
  line: number;
}

/** POST /api/discretion-benchmarks/import — all or nothing. */
export interface BenchmarkImportResult {
  ok: boolean;
  /** Lines read (blank lines skipped). */
  lines: number;
  created: number;
  changed: number;
  unchanged: number;
  /** The first problems, in line order; none written when there is any. */
  problems: BenchmarkImportProblem[];
  problemCount: number;
}

/** A fen amount in 元: 1234500 → "12,345", 1234550 → "12,345.5". */
export function fenToYuanText(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  const whole = yuan.toLocaleString('en-US');
  if (!cents) return whole;
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

const signed = (points: number) => (points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0');
const range = (r: { min: number; max: number }) => `${fenToYuanText(r.min)}–${fenToYuanText(r.max)} 元`;

/** What changed from one version of a benchmark to the next, one Chinese line per change. */
export function benchmarkChanges(before: DiscretionBenchmark | null, after: DiscretionBenchmark): string[] {
  if (!before) return ['新建裁量基准'];
  const lines: string[] = [];
  if (before.name !== after.name) lines.push(`违法行为名称：${before.name} → ${after.name}`);
  if (before.legalBasis !== after.legalBasis) lines.push(`法律依据：${before.legalBasis} → ${after.legalBasis}`);
  const old = new Map(before.factors.map((f) => [f.id, f]));
  const now = new Set(after.factors.map((f) => f.id));
  for (const factor of after.factors) {
    const was = old.get(factor.id);
    if (!was) {
      lines.push(`新增裁量因素“${factor.label}”（${signed(factor.points)} 分）`);
      continue;
    }
    if (was.label !== factor.label) lines.push(`裁量因素“${was.label}”改名为“${factor.label}”`);
    if (was.points !== factor.points) lines.push(`裁量因素“${factor.label}”：${signed(was.points)} 分 → ${signed(factor.points)} 分`);
  }
  for (const factor of before.factors) if (!now.has(factor.id)) lines.push(`删除裁量因素“${factor.label}”（${signed(factor.points)} 分）`);
  const kept = (b: DiscretionBenchmark) => b.factors.map((f) => f.id).filter((id) => old.has(id) && now.has(id)).join('\n');
  if (kept(before) !== kept(after)) lines.push('调整裁量因素的顺序');
  for (const level of DISCRETION_LEVELS) {
    const label = DISCRETION_LEVEL_LABELS[level];
    const was = before.bands.find((b) => b.level === level);
    const is = after.bands.find((b) => b.level === level);
    if (was && is && was.minPoints !== is.minPoints) lines.push(`“${label}”档起点：${signed(was.minPoints)} 分 → ${signed(is.minPoints)} 分`);
  }
  for (const level of DISCRETION_LEVELS) {
    const was = before.ranges[level];
    const is = after.ranges[level];
    if (was.min !== is.min || was.max !== is.max) lines.push(`“${DISCRETION_LEVEL_LABELS[level]}”档罚款幅度：${range(was)} → ${range(is)}`);
  }
  return lines;
}

/** Whether two benchmarks say the same (what an import compares to skip what it would not change). */
export function sameBenchmark(a: DiscretionBenchmark, b: DiscretionBenchmark): boolean {
  return canonicalBenchmark(a) === canonicalBenchmark(b);
}

/** The benchmark as one JSON object with its fields in the format's order: a line of the export. */
export function canonicalBenchmark(b: DiscretionBenchmark): string {
  return JSON.stringify({
    clause: b.clause,
    name: b.name,
    legalBasis: b.legalBasis,
    factors: b.factors.map((f) => ({ id: f.id, label: f.label, points: f.points })),
    bands: b.bands.map((band) => ({ level: band.level, minPoints: band.minPoints })),
    ranges: Object.fromEntries(DISCRETION_LEVELS.map((level) => [level, { min: b.ranges[level].min, max: b.ranges[level].max }])),
  });
}
