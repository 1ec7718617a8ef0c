import type { DiscretionBenchmark } from './penalty-workflow.js';
import { assessDiscretion, UnknownFactorError, withinRange } from './assess-discretion.js';

const benchmark: DiscretionBenchmark = {
  clause: 'food-safety-34',
  name: '经营超过保质期的食品',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  factors: [
    { id: 'first-offence', label: '初次违法', points: -2 },
    { id: 'illegal-gains', label: '有违法所得', points: 3 },
    { id: 'harm', label: '造成危害后果', points: 4 },
    { id: 'cooperation', label: '积极配合调查', points: -1 },
  ],
  bands: [{ level: 'general', minPoints: 1 }, { level: 'light', minPoints: -10 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 500_000, max: 1_000_000 }, general: { min: 1_000_000, max: 3_000_000 }, severe: { min: 3_000_000, max: 5_000_000 } },
};

describe('assessDiscretion', () => {
  it('adds the ticked factors and takes the heaviest band reached', () => {
    expect(assessDiscretion(benchmark, ['illegal-gains', 'harm'])).toEqual({ points: 7, level: 'severe', range: benchmark.ranges.severe });
    expect(assessDiscretion(benchmark, ['illegal-gains'])).toEqual({ points: 3, level: 'general', range: benchmark.ranges.general });
    expect(assessDiscretion(benchmark, ['first-offence', 'cooperation'])).toEqual({ points: -3, level: 'light', range: benchmark.ranges.light });
  });

  it('gives a band from its minimum on, and the lightest band below every minimum', () => {
    expect(assessDiscretion(benchmark, ['harm', 'first-offence', 'cooperation']).level).toBe('general'); // 1 point: general's minimum
    expect(assessDiscretion({ ...benchmark, bands: [{ level: 'light', minPoints: 0 }, { level: 'severe', minPoints: 5 }] }, ['first-offence']).level).toBe('light');
  });

  it('counts a factor ticked twice once', () => {
    expect(assessDiscretion(benchmark, ['illegal-gains', 'illegal-gains']).points).toBe(3);
  });

  it('refuses a factor the benchmark does not have', () => {
    expect(() => assessDiscretion(benchmark, ['bribery'])).toThrow(UnknownFactorError);
  });

  it('takes both ends of the range as within', () => {
    const assessed = assessDiscretion(benchmark, ['illegal-gains']);
    expect(withinRange(assessed, 1_000_000)).toBe(true);
    expect(withinRange(assessed, 3_000_000)).toBe(true);
    expect(withinRange(assessed, 3_000_001)).toBe(false);
    expect(withinRange(assessed, 999_999)).toBe(false);
  });
});
