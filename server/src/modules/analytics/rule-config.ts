/** The thresholds of rule set v1; the defaults are those of `anomaly-rules.md`. */
export interface AnomalyThresholds {
  /** Natural days ending on D inclusive. */
  windowDays: number;
  /** 先检查后补码: hours after the start by which an emergency inspection's code must be filed. */
  emergencyCodeHours: number;
  /** repeated-inspection: same agency, same enterprise, at most this many natural days before. */
  repeatedDays: number;
  /** unmerged-inspections: different agencies, same enterprise, at most this many natural days apart. */
  unmergedDays: number;
  /** frequency-high: planned inspections per agency and enterprise in the window, by credit grade (null: no cap). */
  frequencyCaps: Record<'A' | 'B' | 'C' | 'D', number | null>;
  /** case-overtime: the legal time limit before the approved extension (行政处罚法 art. 60). */
  caseLimitDays: number;
  /** same-case-different-penalty: smallest group compared, and the allowed deviation from its median. */
  penaltyGroupMin: number;
  penaltyDeviation: number;
  /** officer-workload-outlier: smallest agency (registered officers), and k in Q3 + k × IQR. */
  workloadMinOfficers: number;
  workloadIqrFactor: number;
  /** low-satisfaction: fewest ratings judged, and the disapproval share that must be exceeded. */
  satisfactionMinRatings: number;
  satisfactionMaxDisapproval: number;
}

export const RULE_SET_V1_DEFAULTS: Readonly<AnomalyThresholds> = Object.freeze({
  windowDays: 365,
  emergencyCodeHours: 24,
  repeatedDays: 30,
  unmergedDays: 7,
  frequencyCaps: Object.freeze({ A: 1, B: 2, C: 4, D: null }),
  caseLimitDays: 90,
  penaltyGroupMin: 5,
  penaltyDeviation: 0.5,
  workloadMinOfficers: 8,
  workloadIqrFactor: 3,
  satisfactionMinRatings: 10,
  satisfactionMaxDisapproval: 0.2,
});
