import { isPlanTrigger, PLAN_TRIGGER_LABELS, PLAN_TRIGGERS, type PlanTrigger } from '@mashang/shared';

export { isPlanTrigger, PLAN_TRIGGERS };

/** The Chinese name of how a plan came about; one this build does not know is shown, not hidden. */
export function triggerLabel(trigger: string): string {
  return isPlanTrigger(trigger) ? PLAN_TRIGGER_LABELS[trigger] : `其他（${trigger}）`;
}

/** The triggers as the filing form offers them: value and Chinese name. */
export const PLAN_TRIGGER_OPTIONS: readonly { value: PlanTrigger; label: string }[] = PLAN_TRIGGERS.map((value) => ({ value, label: PLAN_TRIGGER_LABELS[value] }));
