import { EVIDENCE_FIELDS, evidenceText, unlabelledEvidenceKeys } from './evidence-text.js';

describe('evidence as people read it', () => {
  it('labels each key in Chinese, with units, in the evidence order', () => {
    expect(evidenceText({ creditGrade: 'C', planned: 5, cap: 3, inspections: ['X1', 'X2'] })).toBe('信用等级：C；计划检查：5 次；上限：3 次；检查记录：X1、X2');
    // The same key counts inspections in another rule.
    expect(evidenceText({ inspections: 120, agencyOfficers: 8, q1: 10, q3: 20.5, iqr: 10.5, threshold: 36.25 })).toBe(
      '参与检查：120 次；本部门执法人员：8 人；本部门检查量下四分位数：10 次；本部门检查量上四分位数：20.5 次；四分位距：10.5 次；异常上限：36.25 次',
    );
    expect(evidenceText({ previous: 'X0', previousAgencyId: 'A2', daysApart: 3 })).toBe('前次检查：X0；前次检查部门：A2；相隔：3 天');
  });

  it('writes fen as 元, shares and changes as percentages, seconds as minutes', () => {
    expect(evidenceText({ cause: 'FSL-126', discretionLevel: 'general', fine: 150000, median: 50050, groupSize: 6, deviation: 1.997 })).toBe(
      '案由：FSL-126；裁量等级：一般；罚款：1500.00 元；同类案件罚款中位数：500.50 元；同类案件：6 件；偏离中位数：+199.7%',
    );
    expect(evidenceText({ deviation: -0.6 })).toBe('偏离中位数：-60%');
    expect(evidenceText({ ratings: 12, disapprovals: 4, share: 0.333 })).toBe('企业评价：12 条；不认可：4 条；不认可占比：33.3%');
    expect(evidenceText({ startedAt: '2026-11-18T09:00:00+08:00', finishedAt: '2026-11-18T09:03:05+08:00', seconds: 185 })).toBe(
      '检查开始：2026-11-18 09:00；检查结束：2026-11-18 09:03；检查用时：3分05秒',
    );
  });

  it('writes instants as Shanghai local time to the minute, periods and intervals as from 至 to', () => {
    // Late codes store UTC instants; the rules store +08:00 ones.
    expect(evidenceText({ planId: 'P1', checkedInAt: '2026-05-09T17:30:00.000Z', codeDueAt: '2026-05-10T17:30:00.000Z' })).toBe(
      '检查计划：P1；入企时间：2026-05-10 01:30；补码期限：2026-05-11 01:30',
    );
    expect(evidenceText({
      officerId: 'O1', other: 'X4', otherCreditCode: '91410200MA0000001X',
      interval: ['2026-11-18T09:00:00+08:00', '2026-11-18T11:00:00+08:00'], otherInterval: ['2026-11-18T10:00:00.250+08:00', '2026-11-18T12:30:00+08:00'],
    })).toBe(
      '执法人员：O1；同时段另一检查：X4；另一检查的企业：91410200MA0000001X；本次检查时段：2026-11-18 09:00 至 2026-11-18 11:00；另一检查时段：2026-11-18 10:00 至 2026-11-18 12:30',
    );
    expect(evidenceText({
      recentPeriod: ['2026-10-22', '2026-11-20'], recentCases: 9, recentFines: 2_000_000, earlierPeriod: ['2025-10-22', '2025-11-20'], earlierFines: 500_000, ratio: 4,
    })).toBe('统计期间：2026-10-22 至 2026-11-20；作出决定：9 件；罚款合计：20000.00 元；一年前同期：2025-10-22 至 2025-11-20；同期罚款合计：5000.00 元；同比倍数：4 倍');
    expect(evidenceText({ cause: 'FSL-2', changes: [{ from: 'FSL-1', to: 'FSL-2', at: '2026-11-01T10:15:00+08:00' }, { from: 'FSL-2', to: 'FSL-3', at: null }] })).toBe(
      '案由：FSL-2；变更案由：FSL-1 → FSL-2（2026-11-01 10:15）、FSL-2 → FSL-3',
    );
  });

  it('maps known vocabularies to their Chinese labels', () => {
    expect(evidenceText({ trigger: 'planned', startedAt: '2026-11-18T21:30:00+08:00' })).toBe('检查类型：计划检查；检查开始：2026-11-18 21:30');
    expect(evidenceText({ cause: 'FSL-9', earlierCase: 'C1', daysApart: 40, earlierLevel: 'severe', level: 'light' })).toBe('案由：FSL-9；前次案件：C1；相隔：40 天；前次裁量：从重；本次裁量：从轻');
    expect(evidenceText({ report: '2026-11-20', rule: 'officer-overlap', subject: { type: 'inspection', id: 'X3' }, officerId: 'O1' })).toBe(
      '研判日期：2026-11-20；研判规则：执法人员同一时间出现在两处；研判对象：检查 X3；执法人员：O1',
    );
    expect(evidenceText({ language: 1, procedure: 3, manner: 2, fairness: 3, verdict: 'disapprove', flags: ['repeated', 'excessive'], comment: '一个月来了两次', reasons: ['企业不认可本次检查'], inspectionDate: '2026-05-08' })).toBe(
      '执法语言是否文明：1 分；执法程序是否规范：3 分；执法方式是否柔性：2 分；执法结果是否公平：3 分；评价结论：不认可；企业反映的问题：重复检查、滥检查；企业意见：一个月来了两次；转交监督的原因：企业不认可本次检查；检查日期：2026-05-08',
    );
    // A value outside the vocabulary reads as it is.
    expect(evidenceText({ trigger: 'drill' })).toBe('检查类型：drill');
  });

  it('writes booleans as 是/否, leaves out empty values, shortens long lists with their count', () => {
    expect(evidenceText({ lowTouch: true, noDisturbItems: [] })).toBe('无感监管对象：是');
    expect(evidenceText({ lowTouch: false, noDisturbItems: ['I1', 'I2'] })).toBe('无感监管对象：否；无事不扰事项：I1、I2');
    expect(evidenceText({ filedAt: '2026-06-01T09:00:00+08:00', decidedAt: null, days: 120, limitDays: 90, extendedDays: 0, comment: '' })).toBe(
      '立案时间：2026-06-01 09:00；办案用时：120 天；办案期限：90 天；批准延长：0 天',
    );
    const ids = Array.from({ length: 100 }, (_, i) => `X${i + 1}`);
    expect(evidenceText({ latestDisapproved: ids })).toBe('最近不认可的检查：X1、X2、X3、X4、X5、X6、X7、X8、X9、X10 等 100 项');
    expect(evidenceText({})).toBe('');
  });

  it('never shows a key raw: one without a label is left out, and reported for the tests', () => {
    expect(evidenceText({ inspectionId: 'X1', madeUp: 'raw', reasons: ['企业不认可本次检查'] })).toBe('检查：X1；转交监督的原因：企业不认可本次检查');
    expect(unlabelledEvidenceKeys({ inspectionId: 'X1', madeUp: 'raw' })).toEqual(['madeUp']);
    // Objects written by their labels are checked inside; those with a writer of their own are not.
    expect(unlabelledEvidenceKeys({ caseIds: [{ id: 'C1' }], subject: { type: 'case', id: 'C1' } })).toEqual(['caseIds.id']);
    expect(evidenceText({ caseIds: [{ cause: 'FSL-1', stray: 1 }] })).toBe('案件：（案由：FSL-1）');
    // Inherited names are not labels.
    expect(unlabelledEvidenceKeys({ constructor: 1, toString: 2 })).toEqual(['constructor', 'toString']);
    expect(evidenceText({ constructor: 1 })).toBe('');
  });

  it('reads a party\'s objection to a penalty\'s discretion: the case, the factors, the fine and what the party said', () => {
    const evidence = {
      caseId: 'C1', cause: 'food-safety-34', causeName: '经营超过保质期的食品', legalBasis: '《食品安全法》第一百二十四条',
      factors: ['有违法所得（+3分）'], points: 3, level: 'general', proposedFine: 2_000_000, fineRange: { min: 1_000_000, max: 3_000_000 },
      objection: '初次违法，应从轻', submissionId: 'S1',
    };
    expect(unlabelledEvidenceKeys(evidence)).toEqual([]);
    expect(evidenceText(evidence)).toBe(
      '案件：C1；案由：food-safety-34；违法行为：经营超过保质期的食品；法律依据：《食品安全法》第一百二十四条；裁量因素：有违法所得（+3分）；裁量积分：3 分；' +
        '本次裁量：一般；拟罚款：20000.00 元；裁量幅度：10000.00 元 至 30000.00 元；异议内容：初次违法，应从轻；异议记录：S1',
    );
  });

  it('labels each key once, in Chinese', () => {
    for (const [key, field] of Object.entries(EVIDENCE_FIELDS)) expect([key, /^[\u4e00-\u9fa5（）]+$/.test(field.label)]).toEqual([key, true]);
  });
});
