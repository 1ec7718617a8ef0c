/*
 * The discretion benchmark editor's form: what the inputs hold (text, fines in 元), how it becomes
 * the API's benchmark (fines in fen) and back, and how a rule's field path reads in Chinese. The
 * rules themselves are shared/discretion-benchmark-rules.ts, the same the server applies.
 */
import {
  DISCRETION_LEVELS,
  DISCRETION_LEVEL_LABELS,
  validateBenchmark,
  type DiscretionBenchmark,
  type DiscretionLevel,
  type FieldError,
} from '@mashang/shared';

export interface FactorDraft {
  id: string;
  label: string;
  points: string;
}

export interface BenchmarkDraft {
  clause: string;
  name: string;
  legalBasis: string;
  factors: FactorDraft[];
  /** The three bands' minimum points, lightest first. */
  minPoints: Record<DiscretionLevel, string>;
  /** Fines in 元, as typed. */
  ranges: Record<DiscretionLevel, { min: string; max: string }>;
}

/** A fen amount as the yuan input shows it: 1250000 → "12500", 200050 → "2000.5". */
export function fenToYuanInput(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  return cents ? `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}` : String(yuan);
}

/** Typed 元 ("12,500", "2000.5", "１２") in fen; NaN for what is not an amount (the rules then name the field). */
export function yuanInputToFen(text: string): number {
  const plain = text.trim().replace(/[,，\s]/g, '').replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return Number.NaN;
  const [whole, cents = ''] = plain.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** Typed points ("-2", "+3", "－1") as a number; NaN when not a whole number. */
export function pointsInput(text: string): number {
  const plain = text.trim().replace(/^[－−]/, '-').replace(/^＋/, '+');
  return /^[+-]?\d+$/.test(plain) ? Number(plain) : Number.NaN;
}

export const EMPTY_DRAFT: BenchmarkDraft = {
  clause: '',
  name: '',
  legalBasis: '',
  factors: [{ id: 'first-offence', label: '初次违法', points: '-2' }],
  minPoints: { light: '-20', general: '0', severe: '5' },
  ranges: { light: { min: '', max: '' }, general: { min: '', max: '' }, severe: { min: '', max: '' } },
};

export function draftOf(b: DiscretionBenchmark): BenchmarkDraft {
  const band = (level: DiscretionLevel) => String(b.bands.find((x) => x.level === level)?.minPoints ?? '');
  return {
    clause: b.clause,
    name: b.name,
    legalBasis: b.legalBasis,
    factors: b.factors.map((f) => ({ id: f.id, label: f.label, points: String(f.points) })),
    minPoints: { light: band('light'), general: band('general'), severe: band('severe') },
    ranges: Object.fromEntries(DISCRETION_LEVELS.map((l) => [l, { min: fenToYuanInput(b.ranges[l].min), max: fenToYuanInput(b.ranges[l].max) }])) as BenchmarkDraft['ranges'],
  };
}

/** The body the API takes, and the problems the shared rules find in it (none: it may be saved). */
export function benchmarkOfDraft(draft: BenchmarkDraft): { body: Omit<DiscretionBenchmark, 'clause'>; problems: FieldError[] } {
  const body = {
    name: draft.name,
    legalBasis: draft.legalBasis,
    factors: draft.factors.map((f) => ({ id: f.id.trim(), label: f.label, points: pointsInput(f.points) })),
    bands: DISCRETION_LEVELS.map((level) => ({ level, minPoints: pointsInput(draft.minPoints[level]) })),
    ranges: Object.fromEntries(DISCRETION_LEVELS.map((l) => [l, { min: yuanInputToFen(draft.ranges[l].min), max: yuanInputToFen(draft.ranges[l].max) }])) as DiscretionBenchmark['ranges'],
  };
  return { body, problems: validateBenchmark({ clause: draft.clause.trim(), ...body }).problems };
}

const FIELD_NAMES: Record<string, string> = {
  clause: '条款编码', name: '违法行为名称', legalBasis: '法律依据', factors: '裁量因素', bands: '裁量档次', ranges: '罚款幅度', '(record)': '裁量基准',
  '(line)': '该行', '(file)': '文件',
};
const FACTOR_PARTS: Record<string, string> = { id: '编号', label: '名称', points: '分值' };

/** A rule's field path in Chinese: `factors[1].points` → 第 2 个裁量因素的分值, `ranges.general.min` → “一般”档罚款下限. */
export function fieldName(path: string): string {
  const factor = /^factors\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (factor) return `第 ${Number(factor[1]) + 1} 个裁量因素${factor[2] ? `的${FACTOR_PARTS[factor[2]] ?? factor[2]}` : ''}`;
  const band = /^bands\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (band) {
    const level = DISCRETION_LEVELS[Number(band[1])];
    return `“${level ? DISCRETION_LEVEL_LABELS[level] : band[1]}”档${band[2] === 'minPoints' ? '起点分值' : band[2] === 'level' ? '档次' : ''}`;
  }
  const range = /^ranges\.(\w+)(?:\.(min|max))?$/.exec(path);
  if (range) {
    const label = DISCRETION_LEVEL_LABELS[range[1] as DiscretionLevel] ?? range[1];
    return `“${label}”档罚款${range[2] === 'min' ? '下限' : range[2] === 'max' ? '上限' : '幅度'}`;
  }
  return FIELD_NAMES[path] ?? path;
}

/**
 * A problem as the editor lists it. Amounts in a rule's reason are in fen (the file's unit); the
 * editor works in 元, so they are said in 元 here.
 */
export function problemLine(problem: FieldError): string {
  const reason = problem.reason.replace(/(\d+) 分（各档/, (_, fen: string) => `${fenToYuanInput(Number(fen))} 元（各档`)
    .replace(/上限 (\d+) 分/, (_, fen: string) => `上限 ${fenToYuanInput(Number(fen))} 元`)
    .replace(/^应在 0 到 (\d+) 分之间$/, (_, fen: string) => `应在 0 到 ${fenToYuanInput(Number(fen))} 元之间`);
  return `${fieldName(problem.field)}：${reason}`;
}

/** An import problem as sent (`field` is `line: path`), read in Chinese: 第 3 行 第 1 个裁量因素的分值：应为整数. */
export function importProblemLine(problem: FieldError): string {
  const match = /^(\d+): (.*)$/.exec(problem.field);
  if (!match) return `${problem.field}：${problem.reason}`;
  return `第 ${match[1]} 行 ${fieldName(match[2])}：${problem.reason}`;
}

/** A suggested id for a new factor: `factor-<n>`, the first not taken. */
export function newFactorId(factors: readonly FactorDraft[]): string {
  const taken = new Set(factors.map((f) => f.id));
  let n = factors.length + 1;
  while (taken.has(`factor-${n}`)) n++;
  return `factor-${n}`;
}
