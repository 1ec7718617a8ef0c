import type { DiscretionBenchmark } from '@mashang/shared';
import { benchmarkOfDraft, draftOf, EMPTY_DRAFT, fenToYuanInput, fieldName, importProblemLine, newFactorId, pointsInput, problemLine, yuanInputToFen } from './benchmark-form';

const BENCHMARK: DiscretionBenchmark = {
  clause: 'FSL-126',
  name: '未按规定建立并遵守进货查验记录制度',
  legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
  factors: [{ id: 'first-offence', label: '初次违法', points: -2 }, { id: 'harm', label: '造成危害后果', points: 4 }],
  bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 250_000, max: 1_250_050 }, general: { min: 1_250_050, max: 3_500_000 }, severe: { min: 3_500_000, max: 7_500_000 } },
};

describe('benchmark editor form', () => {
  it('shows fines in 元 and reads them back in fen, exactly', () => {
    expect(fenToYuanInput(1_250_050)).toBe('12500.5');
    expect(fenToYuanInput(5)).toBe('0.05');
    expect(yuanInputToFen('12,500.5')).toBe(1_250_050);
    expect(yuanInputToFen('１２５００')).toBe(1_250_000);
    expect(yuanInputToFen('0.07')).toBe(7);
    for (const bad of ['', 'abc', '1.234', '-5', '1e5']) expect([bad, yuanInputToFen(bad)]).toEqual([bad, Number.NaN]);
  });

  it('reads points with either minus sign', () => {
    expect([pointsInput('-2'), pointsInput('－2'), pointsInput('−2'), pointsInput('+3'), pointsInput('3')]).toEqual([-2, -2, -2, 3, 3]);
    expect(pointsInput('2.5')).toBeNaN();
  });

  it('turns a stored benchmark into the form and back without a change', () => {
    const { body, problems } = benchmarkOfDraft(draftOf(BENCHMARK));
    expect(problems).toEqual([]);
    expect({ clause: BENCHMARK.clause, ...body }).toEqual(BENCHMARK);
  });

  it('finds with the shared rules what the server would refuse, and says it in Chinese and 元', () => {
    const draft = draftOf(BENCHMARK);
    draft.factors[1] = { id: 'harm', label: '造成严重后果', points: '4.5' };
    draft.ranges.general.min = '10000';
    const { problems } = benchmarkOfDraft(draft);
    expect(problems.map(problemLine)).toEqual([
      '第 2 个裁量因素的分值：应为整数',
      '“一般”档罚款下限：不得低于“从轻”档的上限 12500.5 元（各档幅度不得重叠）',
    ]);
    expect(benchmarkOfDraft({ ...EMPTY_DRAFT, clause: 'X-1' }).problems.map((p) => fieldName(p.field))).toEqual([
      '违法行为名称', '法律依据', '“从轻”档罚款下限', '“从轻”档罚款上限', '“一般”档罚款下限', '“一般”档罚款上限', '“从重”档罚款下限', '“从重”档罚款上限',
    ]);
  });

  it('names rule paths and import problems in Chinese', () => {
    expect(fieldName('bands[1].minPoints')).toBe('“一般”档起点分值');
    expect(fieldName('ranges.severe')).toBe('“从重”档罚款幅度');
    expect(fieldName('factors')).toBe('裁量因素');
    expect(importProblemLine({ field: '3: factors[0].points', reason: '应为整数' })).toBe('第 3 行 第 1 个裁量因素的分值：应为整数');
    expect(importProblemLine({ field: '4: (line)', reason: '不是有效的 JSON' })).toBe('第 4 行 该行：不是有效的 JSON');
  });

  it('suggests an unused id for a new factor', () => {
    expect(newFactorId([{ id: 'factor-2', label: 'a', points: '1' }])).toBe('factor-3');
    expect(newFactorId([])).toBe('factor-1');
  });
});
