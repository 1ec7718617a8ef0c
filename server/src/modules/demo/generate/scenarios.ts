/** The anomalies planted on purpose, one scenario per chosen enterprise. */

/** Scenarios planted on a few enterprises each, one per enterprise. */
export const PLANT_SCENARIOS = [
  'none',
  'repeated-inspection',
  'unmerged-inspections',
  'frequency-high',
  'low-touch-violated',
  'no-disturb-item',
  'uncoded-inspection',
  'emergency-code-late',
  'high-risk-uninspected',
  'officer-overlap',
  'same-case-different-penalty',
  'short-visit',
  'off-hours-inspection',
  'out-of-jurisdiction',
  'repeat-offence-lighter',
] as const;

/** Indexes into PLANT_SCENARIOS (an enterprise's plan is one of them). */
export const S_NONE = 0;
export const S_REPEATED = 1;
export const S_UNMERGED = 2;
export const S_FREQUENCY = 3;
export const S_LOW_TOUCH = 4;
export const S_NO_DISTURB = 5;
export const S_UNCODED = 6;
export const S_EMERGENCY_LATE = 7;
export const S_HIGH_RISK = 8;
export const S_OVERLAP = 9;
export const S_PENALTY = 10;
export const S_SHORT_VISIT = 11;
export const S_OFF_HOURS = 12;
export const S_OUT_OF_JURISDICTION = 13;
export const S_REPEAT_LIGHTER = 14;
/** Inspection records each scenario adds on top of the enterprise's regular ones. */
export const SCENARIO_RECORDS = [0, 2, 2, 2, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 2];
