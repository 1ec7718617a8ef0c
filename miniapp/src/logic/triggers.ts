import type { PlanTrigger } from '@mashang/shared';

/** In the order the filing form offers them: the regular case first, then the green channel. */
export const PLAN_TRIGGERS: readonly PlanTrigger[] = [
  'planned',
  'complaint',
  'superior',
  'undercover',
  'emergency',
  'other',
];

const TRIGGER_LABELS: Record<PlanTrigger, string> = {
  planned: '计划检查',
  complaint: '投诉举报',
  superior: '上级交办',
  undercover: '暗访',
  emergency: '紧急检查',
  other: '其他情形',
};

export function isPlanTrigger(value: string): value is PlanTrigger {
  return (PLAN_TRIGGERS as readonly string[]).includes(value);
}

/** The Chinese name of how a plan came about; one this build does not know is shown, not hidden. */
export function triggerLabel(trigger: string): string {
  return isPlanTrigger(trigger) ? TRIGGER_LABELS[trigger] : `其他（${trigger}）`;
}

/** The triggers as the filing form offers them: value and Chinese name. */
export const PLAN_TRIGGER_OPTIONS: readonly { value: PlanTrigger; label: string }[] = PLAN_TRIGGERS.map((value) => ({ value, label: TRIGGER_LABELS[value] }));
