import { PLAN_TRIGGER_OPTIONS, PLAN_TRIGGERS, isPlanTrigger, triggerLabel } from './triggers';

describe('triggerLabel', () => {
  it('names every trigger the server accepts in Chinese', () => {
    expect(PLAN_TRIGGERS).toEqual(['planned', 'complaint', 'superior', 'undercover', 'emergency', 'other']);
    expect(triggerLabel('planned')).toBe('计划检查');
    expect(triggerLabel('complaint')).toBe('投诉举报');
    for (const trigger of PLAN_TRIGGERS) expect(triggerLabel(trigger)).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('shows an unknown trigger instead of nothing', () => {
    expect(triggerLabel('audit')).toBe('其他（audit）');
    expect(isPlanTrigger('toString')).toBe(false);
  });

  it('offers the triggers in the form\'s order, with their names', () => {
    expect(PLAN_TRIGGER_OPTIONS.map((option) => option.value)).toEqual(PLAN_TRIGGERS);
    expect(PLAN_TRIGGER_OPTIONS[4]).toEqual({ value: 'emergency', label: '紧急检查' });
  });
});
