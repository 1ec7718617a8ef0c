import type { ItemDto } from '@mashang/shared';
import {
  earliestPlannedDate,
  emptyPlanForm,
  hasPlanErrors,
  planErrorLines,
  planFormHints,
  planRequest,
  planServerFieldErrors,
  ruleLabel,
  toggleId,
  validCreditCode,
  validatePlanForm,
  type PlanForm,
} from './plan-form';

const TODAY = '2026-11-22';
/** A valid credit code of the demo city. */
const CODE = '9141020002W4HE406T';

function form(overrides: Partial<PlanForm> = {}): PlanForm {
  return {
    creditCode: CODE,
    date: '2026-12-01',
    trigger: 'planned',
    reason: '',
    officerIds: ['A001-001'],
    itemIds: ['A001-I01'],
    ...overrides,
  };
}

function item(id: string, noDisturb = false): ItemDto {
  return { id, agencyId: 'A001', name: `事项${id.slice(-2)}`, basis: '《某法》第一条', noDisturb, industries: '', commonViolations: '', complianceGuide: '' };
}

describe('emptyPlanForm', () => {
  it('defaults to a planned inspection 7 days ahead with the filing officer on it', () => {
    expect(earliestPlannedDate(TODAY)).toBe('2026-11-29');
    expect(emptyPlanForm(TODAY, 'A001-002')).toEqual({
      creditCode: '',
      date: '2026-11-29',
      trigger: 'planned',
      reason: '',
      officerIds: ['A001-002'],
      itemIds: [],
    });
    expect(emptyPlanForm(TODAY, null).officerIds).toEqual([]);
  });
});

describe('validatePlanForm', () => {
  it('accepts a complete planned inspection', () => {
    expect(validatePlanForm(form())).toEqual({});
    expect(hasPlanErrors(validatePlanForm(form()))).toBe(false);
  });

  it('checks the credit code as GB 32100 does, after normalising what was typed', () => {
    expect(validatePlanForm(form({ creditCode: '' })).creditCode).toBe('请输入企业的统一社会信用代码');
    expect(validatePlanForm(form({ creditCode: '91410200' })).creditCode).toBe('统一社会信用代码应为18位');
    expect(validatePlanForm(form({ creditCode: '9141020002W4HE406A' })).creditCode).toBe('第18位校验码不正确');
    expect(validatePlanForm(form({ creditCode: ' 91410200-02w4he406t ' })).creditCode).toBeUndefined();
  });

  it('wants a real date written YYYY-MM-DD', () => {
    expect(validatePlanForm(form({ date: '' })).date).toBe('请输入检查日期');
    expect(validatePlanForm(form({ date: '2026-12-1' })).date).toContain('年-月-日');
    expect(validatePlanForm(form({ date: '2026-02-30' })).date).toContain('年-月-日');
  });

  it('wants at least one officer and one item', () => {
    const errors = validatePlanForm(form({ officerIds: [], itemIds: [] }));
    expect(errors.officerIds).toBe('请至少选择一名执法人员');
    expect(errors.itemIds).toBe('请至少选择一项检查事项');
  });

  it('wants a reason for every trigger but planned', () => {
    expect(validatePlanForm(form({ trigger: 'planned', reason: '' })).reason).toBeUndefined();
    for (const trigger of ['complaint', 'superior', 'undercover', 'emergency', 'other'] as const) {
      expect(validatePlanForm(form({ trigger, reason: '  ' })).reason).toContain('触发事由');
      expect(validatePlanForm(form({ trigger, reason: '投诉编号 12345-001' }))).toEqual({});
    }
    expect(validatePlanForm(form({ trigger: 'complaint', reason: '理'.repeat(501) })).reason).toBe(
      '触发事由不能超过500个字',
    );
  });

  it('does not refuse a planned date less than 7 days ahead: that is a hint, the server decides', () => {
    expect(validatePlanForm(form({ date: '2026-11-25' }))).toEqual({});
  });

  it('lists errors in the order of the fields on the page', () => {
    const errors = validatePlanForm(form({ creditCode: '', itemIds: [], date: 'x' }));
    expect(planErrorLines(errors)).toEqual([
      '请输入企业的统一社会信用代码',
      '检查日期应写成 年-月-日，如 2026-12-01',
      '请至少选择一项检查事项',
    ]);
  });
});

describe('planFormHints', () => {
  const items = [item('A001-I01'), item('A001-I07', true)];

  it('warns when a planned date is less than 7 natural days ahead', () => {
    const [hint] = planFormHints(form({ date: '2026-11-25' }), TODAY, items);
    expect(hint).toContain('至少提前7个自然日');
    expect(hint).toContain('2026-11-29');
    expect(planFormHints(form({ date: '2026-11-29' }), TODAY, items)).toEqual([]);
    expect(planFormHints(form({ date: '2026-11-2' }), TODAY, items)).toEqual([]);
  });

  it('warns about 无事不扰 items on a planned inspection', () => {
    const hints = planFormHints(form({ itemIds: ['A001-I01', 'A001-I07'] }), TODAY, items);
    expect(hints).toEqual([expect.stringContaining('“事项07”在无事不扰清单内')]);
  });

  it('says nothing for the green channel', () => {
    expect(
      planFormHints(form({ trigger: 'complaint', date: TODAY, itemIds: ['A001-I07'] }), TODAY, items),
    ).toEqual([]);
  });
});

describe('planRequest', () => {
  it('normalises the code and leaves the reason off a planned inspection', () => {
    expect(planRequest(form({ creditCode: '91410200 02w4he406t', reason: 'left over' }))).toEqual({
      creditCode: CODE,
      date: '2026-12-01',
      trigger: 'planned',
      officerIds: ['A001-001'],
      itemIds: ['A001-I01'],
    });
  });

  it('sends the trimmed reason of a green-channel inspection', () => {
    expect(planRequest(form({ trigger: 'complaint', reason: ' 12345热线投诉 ' })).reason).toBe('12345热线投诉');
  });
});

describe('validCreditCode', () => {
  it('answers the normalised code only when it is valid', () => {
    expect(validCreditCode('9141020002w4he406t')).toBe(CODE);
    expect(validCreditCode('9141020002W4HE406')).toBeNull();
  });
});

describe('planServerFieldErrors', () => {
  it('keeps Chinese reasons, replaces English ones and ignores unknown fields', () => {
    expect(
      planServerFieldErrors([
        { field: 'creditCode', reason: '企业不在企业名录中' },
        { field: 'date', reason: 'must be a date YYYY-MM-DD' },
        { field: 'officerIds', reason: 'officerIds must contain at least 1 elements' },
        { field: 'itemIds', reason: '不是本部门的检查事项：B002-I01' },
        { field: 'itemIds', reason: 'second' },
        { field: 'colour', reason: '无关' },
      ]),
    ).toEqual({
      creditCode: '企业不在企业名录中',
      date: '检查日期应写成 年-月-日，如 2026-12-01',
      officerIds: '请至少选择一名执法人员（不能重复）',
      itemIds: '不是本部门的检查事项：B002-I01',
    });
  });
});

describe('toggleId', () => {
  it('adds at the end and removes wherever it is', () => {
    expect(toggleId(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleId(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});

describe('ruleLabel', () => {
  it('names the filing rules in Chinese', () => {
    expect(ruleLabel('advance-notice')).toBe('提前报备');
    expect(ruleLabel('joint-lock-out')).toBe('联合检查锁定');
    expect(ruleLabel('something-new')).toBe('报备规则');
  });
});
