import type { CreditGrade, FindingOutcome, InspectionResult, OnsiteInspectionView } from '@mashang/shared';

/**
 * The colour role of a tag or a notice (components/tag.tsx, components/notice.tsx): which of the
 * design tokens' families (styles/tokens.css) it is drawn in.
 */
export type Tone = 'neutral' | 'primary' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

const GRADE_TONES: Record<CreditGrade, Tone> = { A: 'success', B: 'info', C: 'warning', D: 'danger' };

/** Credit grade A is good news, D bad; a grade this build does not know stays neutral. */
export function gradeTone(grade: string): Tone {
  return GRADE_TONES[grade as CreditGrade] ?? 'neutral';
}

const STATUS_TONES: Record<OnsiteInspectionView['status'], Tone> = { planned: 'neutral', 'on-site': 'warning', finished: 'success' };

export function inspectionStatusTone(status: OnsiteInspectionView['status']): Tone {
  return STATUS_TONES[status] ?? 'neutral';
}

const RESULT_TONES: Record<FindingOutcome | InspectionResult, Tone> = { pass: 'success', rectify: 'warning', violation: 'danger', case: 'danger' };

/** An item's finding or an inspection's result: 合格 green, 整改 amber, 违法/立案 red. */
export function resultTone(result: string): Tone {
  return RESULT_TONES[result as FindingOutcome | InspectionResult] ?? 'neutral';
}

/** An emergency inspection stands out among the plans; every other trigger looks alike. */
export function triggerTone(trigger: string): Tone {
  return trigger === 'emergency' ? 'danger' : 'primary';
}
