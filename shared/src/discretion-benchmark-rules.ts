// The rules a discretion benchmark (裁量基准) must satisfy, wherever it comes from: the console's
// editor, the API, a JSON Lines import (shared/spec/discretion-benchmark.md). One reason per broken
// rule, in Chinese, named by the field's path (`factors[1].points`, `ranges.general.min`).
import type { FieldError } from './errors.js';
import { DISCRETION_LEVELS, DISCRETION_LEVEL_LABELS, type DiscretionLevel } from './penalty-cases.js';
import type { DiscretionBand, DiscretionBenchmark, DiscretionFactor } from './penalty-workflow.js';

export const BENCHMARK_LIMITS = Object.freeze({
  /** The change history is a trail chain keyed `benchmark:<clause>`, and trail keys hold 64 characters. */
  clause: 54,
  name: 200,
  legalBasis: 500,
  factors: 50,
  factorId: 40,
  factorLabel: 100,
  /** A factor's points lie within ±points. */
  points: 100,
  /** A band's minimum lies within ±minPoints. */
  minPoints: 1000,
  /** In fen: 100 亿元. */
  fine: 1_000_000_000_000,
});

/** Stable-looking factor ids: lower-case words joined by hyphens, e.g. `first-offence`. */
const FACTOR_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Clause codes: no spaces, control characters or characters that break a URL path. */
const CLAUSE_BREAKS = /[\s\u0000-\u001f\u007f/\\?#%]/u;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface BenchmarkValidation {
  /** The benchmark as it will be stored (known fields only, text trimmed), when there is no problem. */
  benchmark: DiscretionBenchmark | null;
  problems: FieldError[];
}

/**
 * Checks one benchmark record. `clause`, when given, is the clause the record is meant for (the
 * API's path): a record naming another is refused, one naming none takes it.
 */
export function validateBenchmark(value: unknown, options: { clause?: string } = {}): BenchmarkValidation {
  const problems: FieldError[] = [];
  const fail = (field: string, reason: string): undefined => {
    problems.push({ field, reason });
    return undefined;
  };
  if (!isObject(value)) return { benchmark: null, problems: [{ field: '(record)', reason: '应为一个 JSON 对象' }] };

  const text = (field: string, max: number): string | undefined => {
    const raw = value[field];
    if (raw === undefined || raw === null) return fail(field, '必填');
    if (typeof raw !== 'string') return fail(field, '应为文本');
    const trimmed = raw.trim();
    if (!trimmed) return fail(field, '不能为空');
    if (trimmed.length > max) return fail(field, `不超过 ${max} 个字符`);
    return trimmed;
  };

  let clause: string | undefined;
  const given = value.clause ?? options.clause;
  if (given === undefined || given === null) fail('clause', '必填');
  else if (typeof given !== 'string') fail('clause', '应为文本');
  else if (!given.length) fail('clause', '不能为空');
  else if (given.length > BENCHMARK_LIMITS.clause) fail('clause', `条款编码不超过 ${BENCHMARK_LIMITS.clause} 个字符`);
  else if (CLAUSE_BREAKS.test(given)) fail('clause', '条款编码不能含空格、控制字符或 / \\ ? # %');
  else if (options.clause !== undefined && given !== options.clause) fail('clause', `与地址中的条款编码 ${options.clause} 不一致`);
  else clause = given;

  const name = text('name', BENCHMARK_LIMITS.name);
  const legalBasis = text('legalBasis', BENCHMARK_LIMITS.legalBasis);
  const factors = factorsOf(value.factors, fail);
  const bands = bandsOf(value.bands, fail);
  const ranges = rangesOf(value.ranges, fail);

  if (problems.length) return { benchmark: null, problems };
  return { benchmark: { clause: clause!, name: name!, legalBasis: legalBasis!, factors: factors!, bands: bands!, ranges: ranges! }, problems };
}

type Fail = (field: string, reason: string) => undefined;

function integer(value: unknown, field: string, min: number, max: number, fail: Fail, unit = ''): number | undefined {
  if (value === undefined || value === null) return fail(field, '必填');
  if (typeof value !== 'number' || !Number.isInteger(value)) return fail(field, '应为整数');
  if (value < min || value > max) return fail(field, `应在 ${min} 到 ${max}${unit}之间`);
  return value;
}

function factorsOf(value: unknown, fail: Fail): DiscretionFactor[] | undefined {
  if (value === undefined || value === null) return fail('factors', '必填');
  if (!Array.isArray(value)) return fail('factors', '应为裁量因素的列表');
  if (!value.length) return fail('factors', '至少列出一个裁量因素');
  if (value.length > BENCHMARK_LIMITS.factors) return fail('factors', `裁量因素不超过 ${BENCHMARK_LIMITS.factors} 个`);
  const factors: DiscretionFactor[] = [];
  const ids = new Map<string, number>();
  const labels = new Map<string, number>();
  let broken = false;
  value.forEach((raw, i) => {
    const at = `factors[${i}]`;
    if (!isObject(raw)) {
      broken = true;
      fail(at, '应为一个对象 {id, label, points}');
      return;
    }
    let id: string | undefined;
    if (typeof raw.id !== 'string' || !raw.id) fail(`${at}.id`, raw.id === undefined || raw.id === null ? '必填' : '应为文本');
    else if (raw.id.length > BENCHMARK_LIMITS.factorId) fail(`${at}.id`, `不超过 ${BENCHMARK_LIMITS.factorId} 个字符`);
    else if (!FACTOR_ID.test(raw.id)) fail(`${at}.id`, '应由小写字母、数字和连字符组成，以字母开头，如 first-offence');
    else if (ids.has(raw.id)) fail(`${at}.id`, `与 factors[${ids.get(raw.id)}] 重复`);
    else id = raw.id;
    if (id) ids.set(id, i);
    let label: string | undefined;
    if (typeof raw.label !== 'string') fail(`${at}.label`, raw.label === undefined || raw.label === null ? '必填' : '应为文本');
    else if (!raw.label.trim()) fail(`${at}.label`, '不能为空');
    else if (raw.label.trim().length > BENCHMARK_LIMITS.factorLabel) fail(`${at}.label`, `不超过 ${BENCHMARK_LIMITS.factorLabel} 个字符`);
    else if (labels.has(raw.label.trim())) fail(`${at}.label`, `与 factors[${labels.get(raw.label.trim())}] 重复`);
    else label = raw.label.trim();
    if (label) labels.set(label, i);
    const points = integer(raw.points, `${at}.points`, -BENCHMARK_LIMITS.points, BENCHMARK_LIMITS.points, fail, ' 分');
    if (id === undefined || label === undefined || points === undefined) broken = true;
    else factors.push({ id, label, points });
  });
  return broken ? undefined : factors;
}

function bandsOf(value: unknown, fail: Fail): DiscretionBand[] | undefined {
  const order = DISCRETION_LEVELS.map((l) => `${l}（${DISCRETION_LEVEL_LABELS[l]}）`).join('、');
  if (value === undefined || value === null) return fail('bands', '必填');
  if (!Array.isArray(value) || value.length !== DISCRETION_LEVELS.length) return fail('bands', `应依次列出三个档次：${order}`);
  const bands: DiscretionBand[] = [];
  let broken = false;
  value.forEach((raw, i) => {
    const at = `bands[${i}]`;
    const level = DISCRETION_LEVELS[i];
    if (!isObject(raw)) {
      broken = true;
      fail(at, '应为一个对象 {level, minPoints}');
      return;
    }
    if (raw.level !== level) {
      broken = true;
      fail(`${at}.level`, `应为 ${level}（${DISCRETION_LEVEL_LABELS[level]}）：档次依次为 ${order}`);
    }
    const minPoints = integer(raw.minPoints, `${at}.minPoints`, -BENCHMARK_LIMITS.minPoints, BENCHMARK_LIMITS.minPoints, fail, ' 分');
    if (minPoints === undefined) {
      broken = true;
      return;
    }
    const before = bands[i - 1];
    if (before && minPoints <= before.minPoints) {
      broken = true;
      fail(`${at}.minPoints`, `应高于“${DISCRETION_LEVEL_LABELS[before.level]}”档的起点 ${before.minPoints} 分`);
    }
    bands.push({ level, minPoints });
  });
  return broken || bands.length !== DISCRETION_LEVELS.length ? undefined : bands;
}

function rangesOf(value: unknown, fail: Fail): DiscretionBenchmark['ranges'] | undefined {
  if (value === undefined || value === null) return fail('ranges', '必填');
  if (!isObject(value)) return fail('ranges', '应为对象 {light, general, severe}，各档 {min, max}（分）');
  const ranges: Partial<Record<DiscretionLevel, { min: number; max: number }>> = {};
  let broken = false;
  let before: { level: DiscretionLevel; min: number; max: number } | null = null;
  for (const level of DISCRETION_LEVELS) {
    const at = `ranges.${level}`;
    const raw = value[level];
    if (!isObject(raw)) {
      broken = true;
      fail(at, raw === undefined || raw === null ? `必填：“${DISCRETION_LEVEL_LABELS[level]}”档的罚款幅度 {min, max}（分）` : '应为对象 {min, max}（分）');
      before = null;
      continue;
    }
    const min = integer(raw.min, `${at}.min`, 0, BENCHMARK_LIMITS.fine, fail, ' 分');
    const max = integer(raw.max, `${at}.max`, 0, BENCHMARK_LIMITS.fine, fail, ' 分');
    if (min === undefined || max === undefined) {
      broken = true;
      before = null;
      continue;
    }
    if (min > max) {
      broken = true;
      fail(`${at}.max`, '不得低于本档下限');
    } else if (before) {
      const label = DISCRETION_LEVEL_LABELS[before.level];
      // Published benchmarks meet at the boundary (…以下 / …以上); they must not overlap beyond it.
      if (min < before.max) {
        broken = true;
        fail(`${at}.min`, `不得低于“${label}”档的上限 ${before.max} 分（各档幅度不得重叠）`);
      } else if (max <= before.max) {
        broken = true;
        fail(`${at}.max`, `应高于“${label}”档的上限 ${before.max} 分（幅度依次从轻、一般、从重递增）`);
      }
    }
    ranges[level] = { min, max };
    before = { level, min, max };
  }
  return broken ? undefined : (ranges as DiscretionBenchmark['ranges']);
}
