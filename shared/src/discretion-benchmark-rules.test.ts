import { validateBenchmark } from './discretion-benchmark-rules.js';

const good = () => ({
  clause: 'FSL-126',
  name: '未按规定建立并遵守进货查验记录制度',
  legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
  factors: [
    { id: 'first-offence', label: '初次违法', points: -2 },
    { id: 'illegal-gains', label: '有违法所得', points: 3 },
  ],
  bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 250_000, max: 1_250_000 }, general: { min: 1_250_000, max: 3_500_000 }, severe: { min: 3_500_000, max: 7_500_000 } },
});

const problems = (value: unknown, options?: { clause?: string }) => validateBenchmark(value, options).problems.map((p) => `${p.field}: ${p.reason}`);
const fields = (value: unknown, options?: { clause?: string }) => validateBenchmark(value, options).problems.map((p) => p.field);

describe('discretion benchmark rules', () => {
  it('accepts a well-formed benchmark, trimming its text and dropping unknown fields', () => {
    const result = validateBenchmark({ ...good(), name: '  未按规定建立并遵守进货查验记录制度 ', updatedBy: 'someone', factors: [{ id: 'first-offence', label: ' 初次违法', points: -2, note: 'x' }] });
    expect(result.problems).toEqual([]);
    expect(result.benchmark).toEqual({ ...good(), factors: [{ id: 'first-offence', label: '初次违法', points: -2 }] });
  });

  it('lets ranges meet at their boundary (以上/以下), as published benchmarks do', () => {
    expect(problems(good())).toEqual([]);
  });

  it('takes the clause from the address when the record names none, and refuses another', () => {
    const { clause: _omitted, ...body } = good();
    expect(validateBenchmark(body, { clause: 'FSL-126' }).benchmark?.clause).toBe('FSL-126');
    expect(problems(good(), { clause: 'FSL-124' })).toEqual(['clause: 与地址中的条款编码 FSL-124 不一致']);
    expect(fields({ ...good(), clause: 'a b' })).toEqual(['clause']);
    expect(fields({ ...good(), clause: 'a/b' })).toEqual(['clause']);
    expect(fields({ ...good(), clause: 'X'.repeat(55) })).toEqual(['clause']);
    expect(fields({ ...good(), clause: '食品安全法-126' })).toEqual([]);
  });

  it('refuses what is not an object, and missing or blank text', () => {
    expect(problems([])).toEqual(['(record): 应为一个 JSON 对象']);
    expect(problems(null)).toEqual(['(record): 应为一个 JSON 对象']);
    expect(fields({ ...good(), name: '   ', legalBasis: 5 })).toEqual(['name', 'legalBasis']);
    expect(fields({ ...good(), name: '名'.repeat(201) })).toEqual(['name']);
  });

  it('wants unique, stable-looking factor ids, unique labels and integer points', () => {
    const factors = (list: unknown[]) => fields({ ...good(), factors: list });
    expect(factors([{ id: 'first-offence', label: 'A', points: 1 }, { id: 'first-offence', label: 'B', points: 1 }])).toEqual(['factors[1].id']);
    expect(problems({ ...good(), factors: [{ id: 'a', label: 'A', points: 1 }, { id: 'a', label: 'B', points: 1 }] })).toEqual(['factors[1].id: 与 factors[0] 重复']);
    for (const id of ['First', 'first offence', '1st', 'first--offence', 'first-', '初次', '', 'x'.repeat(41)]) {
      expect([id, factors([{ id, label: 'A', points: 1 }])]).toEqual([id, ['factors[0].id']]);
    }
    expect(factors([{ id: 'a', label: 'A', points: 1 }, { id: 'b', label: ' A ', points: 2 }])).toEqual(['factors[1].label']);
    for (const points of [1.5, '3', null, 101, -101, Number.NaN]) {
      expect([points, factors([{ id: 'a', label: 'A', points }])]).toEqual([points, ['factors[0].points']]);
    }
    expect(factors([])).toEqual(['factors']);
    expect(factors(Array.from({ length: 51 }, (_, i) => ({ id: `f${i}`, label: `因素${i}`, points: 1 })))).toEqual(['factors']);
    expect(factors(['first-offence'])).toEqual(['factors[0]']);
  });

  it('wants the three bands light, general, severe with increasing minimums', () => {
    const bands = (list: unknown) => problems({ ...good(), bands: list });
    expect(bands([{ level: 'light', minPoints: 0 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }]))
      .toEqual(['bands[1].minPoints: 应高于“从轻”档的起点 0 分']);
    expect(bands([{ level: 'light', minPoints: 0 }, { level: 'general', minPoints: 6 }, { level: 'severe', minPoints: 5 }]))
      .toEqual(['bands[2].minPoints: 应高于“一般”档的起点 6 分']);
    expect(fields({ ...good(), bands: [{ level: 'general', minPoints: 0 }, { level: 'light', minPoints: 1 }, { level: 'severe', minPoints: 5 }] })).toEqual(['bands[0].level', 'bands[1].level']);
    expect(fields({ ...good(), bands: [{ level: 'light', minPoints: 0 }, { level: 'severe', minPoints: 5 }] })).toEqual(['bands']);
    expect(fields({ ...good(), bands: [{ level: 'light', minPoints: 0.5 }, { level: 'general', minPoints: 1 }, { level: 'severe', minPoints: 5 }] })).toEqual(['bands[0].minPoints']);
  });

  it('wants each range min ≤ max, in fen, and the ranges increasing without overlap', () => {
    const ranges = (patch: Record<string, unknown>) => problems({ ...good(), ranges: { ...good().ranges, ...patch } });
    expect(ranges({ general: { min: 3_600_000, max: 3_500_000 } })).toEqual(['ranges.general.max: 不得低于本档下限']);
    expect(ranges({ general: { min: 1_000_000, max: 3_500_000 } })).toEqual(['ranges.general.min: 不得低于“从轻”档的上限 1250000 分（各档幅度不得重叠）']);
    expect(ranges({ severe: { min: 3_500_000, max: 3_500_000 } })).toEqual(['ranges.severe.max: 应高于“一般”档的上限 3500000 分（幅度依次从轻、一般、从重递增）']);
    expect(fields({ ...good(), ranges: { ...good().ranges, light: { min: 10.5, max: -1 } } })).toEqual(['ranges.light.min', 'ranges.light.max']);
    expect(fields({ ...good(), ranges: { light: good().ranges.light, general: good().ranges.general } })).toEqual(['ranges.severe']);
    expect(fields({ ...good(), ranges: [] })).toEqual(['ranges']);
    expect(fields({ ...good(), ranges: { ...good().ranges, severe: { min: 3_500_000, max: 1e13 } } })).toEqual(['ranges.severe.max']);
  });

  it('reports every problem of a record at once', () => {
    expect(fields({ clause: 'C', name: '', legalBasis: '依据', factors: [{ id: 'x', label: '', points: 'a' }], bands: 'x', ranges: null }))
      .toEqual(['name', 'factors[0].label', 'factors[0].points', 'bands', 'ranges']);
  });
});
