/** The thresholds of the rule set (v2: v1's and seven more); the defaults are those of `anomaly-rules.md`. */
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
  /** single-officer: fewest distinct officers an inspection must list (执法人员不得少于两人). */
  minOfficers: number;
  /** short-visit: a recorded visit shorter than this is a finding. */
  shortVisitMinutes: number;
  /** off-hours-inspection: local hours [workdayStartHour, workdayEndHour) are working hours. */
  workdayStartHour: number;
  workdayEndHour: number;
  /** repeat-offence-lighter: the earlier case at most this many natural days before. */
  repeatOffenceDays: number;
  /** fine-surge: the recent period (natural days ending on D), the fewest cases in it, the factor that must be exceeded, and how far back the period compared lies. */
  fineSurgeDays: number;
  fineSurgeMinCases: number;
  fineSurgeFactor: number;
  fineSurgeOffsetDays: number;
}

export const RULE_SET_DEFAULTS: Readonly<AnomalyThresholds> = Object.freeze({
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
  minOfficers: 2,
  shortVisitMinutes: 10,
  workdayStartHour: 7,
  workdayEndHour: 21,
  repeatOffenceDays: 365,
  fineSurgeDays: 90,
  fineSurgeMinCases: 10,
  fineSurgeFactor: 2,
  fineSurgeOffsetDays: 365,
});
