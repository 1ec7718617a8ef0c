/**
 * The demo city's discretion benchmarks: one per clause of data/causes.ts, its factors from
 * data/benchmarks.ts, its fine ranges around the clause's base fines (the fines the generated cases
 * draw: 0.85–1.18 × the level's base), meeting halfway between two levels' bases.
 */
import type { DiscretionBenchmark } from '@mashang/shared';
import { COMMON_FACTORS, DEMO_BANDS, KIND_FACTORS, LAWS } from '../data/benchmarks.js';
import { VIOLATION_CAUSES, type CauseDef } from '../data/causes.js';

const DIGITS = '零一二三四五六七八九';

/** An article number as the law writes it: 60 → 六十, 112 → 一百一十二, 101 → 一百零一. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** `FSL-126` → 《中华人民共和国食品安全法》第一百二十六条 */
export function legalBasisOf(clause: string): string {
  const [prefix, article] = clause.split('-');
  const law = LAWS[prefix];
  if (!law || !/^\d+$/.test(article ?? '')) throw new Error(`no law for the demo clause ${clause}`);
  return `《${law}》第${chineseNumber(Number(article))}条`;
}

/** Yuan rounded as fines are (to 100 yuan from 1,000 on, else to 10), in fen. */
const fen = (yuan: number) => {
  const step = yuan >= 1000 ? 100 : 10;
  return Math.round(yuan / step) * step * 100;
};

function benchmarkOf(kind: string, [clause, name, light, general, severe]: CauseDef): DiscretionBenchmark {
  const extra = KIND_FACTORS[kind];
  const lightToGeneral = fen((light + general) / 2);
  const generalToSevere = fen((general + severe) / 2);
  return {
    clause,
    name,
    legalBasis: legalBasisOf(clause),
    factors: extra ? [...COMMON_FACTORS, extra] : [...COMMON_FACTORS],
    bands: [{ level: 'light', minPoints: DEMO_BANDS.light }, { level: 'general', minPoints: DEMO_BANDS.general }, { level: 'severe', minPoints: DEMO_BANDS.severe }],
    ranges: {
      light: { min: fen(light / 2), max: lightToGeneral },
      general: { min: lightToGeneral, max: generalToSevere },
      severe: { min: generalToSevere, max: fen(severe * 1.5) },
    },
  };
}

/** Every demo clause's benchmark, once each, in clause order. */
export function demoBenchmarks(): DiscretionBenchmark[] {
  const byClause = new Map<string, DiscretionBenchmark>();
  for (const [kind, causes] of Object.entries(VIOLATION_CAUSES)) {
    for (const cause of causes as CauseDef[]) if (!byClause.has(cause[0])) byClause.set(cause[0], benchmarkOf(kind, cause));
  }
  return [...byClause.values()].sort((a, b) => (a.clause < b.clause ? -1 : 1));
}
