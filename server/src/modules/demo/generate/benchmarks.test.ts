import { assessDiscretion } from '@mashang/shared';
import { validateBenchmark } from '@mashang/shared';
import { VIOLATION_CAUSES } from '../data/causes.js';
import { chineseNumber, demoBenchmarks, legalBasisOf } from './benchmarks.js';

describe('the demo city’s discretion benchmarks', () => {
  const benchmarks = demoBenchmarks();

  it('has one valid benchmark per clause of the demo causes', () => {
    const clauses = new Set(Object.values(VIOLATION_CAUSES).flatMap((causes) => causes.map((c) => c[0])));
    expect(benchmarks.map((b) => b.clause).sort()).toEqual([...clauses].sort());
    for (const b of benchmarks) expect([b.clause, validateBenchmark(b).problems]).toEqual([b.clause, []]);
  });

  it('puts each level’s base fine, and the fines the demo cases draw around it, inside that level’s range', () => {
    for (const causes of Object.values(VIOLATION_CAUSES)) {
      for (const [clause, , ...bases] of causes) {
        const b = benchmarks.find((x) => x.clause === clause)!;
        (['light', 'general', 'severe'] as const).forEach((level, i) => {
          for (const factor of [0.85, 1, 1.18]) {
            const fine = Math.round(bases[i] * factor) * 100;
            expect([clause, level, factor, fine >= b.ranges[level].min && fine <= b.ranges[level].max]).toEqual([clause, level, factor, true]);
          }
        });
      }
    }
  });

  it('weighs factors as a benchmark should: a first offence cooperating is light, gains with harm severe', () => {
    const b = benchmarks.find((x) => x.clause === 'FSL-126')!;
    expect(b.factors.find((f) => f.id === 'vulnerable-groups')).toBeDefined();
    expect(assessDiscretion(b, ['first-offence', 'cooperation']).level).toBe('light');
    expect(assessDiscretion(b, []).level).toBe('general');
    expect(assessDiscretion(b, ['illegal-gains', 'harm']).level).toBe('severe');
    expect(b.ranges).toEqual({ light: { min: 250_000, max: 1_250_000 }, general: { min: 1_250_000, max: 3_500_000 }, severe: { min: 3_500_000, max: 7_500_000 } });
  });

  it('cites the law of each clause code in Chinese numerals', () => {
    expect([7, 10, 12, 20, 26, 60, 100, 101, 110, 112, 126].map(chineseNumber)).toEqual(['七', '十', '十二', '二十', '二十六', '六十', '一百', '一百零一', '一百一十', '一百一十二', '一百二十六']);
    expect(legalBasisOf('FSL-126')).toBe('《中华人民共和国食品安全法》第一百二十六条');
    expect(legalBasisOf('PHR-36')).toBe('《公共场所卫生管理条例实施细则》第三十六条');
    expect(() => legalBasisOf('XYZ-1')).toThrow();
  });
});
