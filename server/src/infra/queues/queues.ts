/** Every Bull queue and job name; each job's queue, id and options are in jobs.ts. */
export enum QueueName {
  Exchange = 'exchange',
  Inspections = 'inspections',
  Analytics = 'analytics',
  Sms = 'sms',
}

export enum JobName {
  ImportDataset = 'import-dataset',
  /** An inspection's results are uploaded: every agency of it has finished (the SMS invite follows). */
  InspectionFinished = 'inspection-finished',
  /** An emergency check-in's 24-hour deadline for filing the late inspection code has passed. */
  EmergencyCodeDeadline = 'emergency-code-deadline',
  /** Repeatable (02:00 Asia/Shanghai by default): queues the anomaly report as of the previous day. */
  AnomalyNightly = 'anomaly-nightly',
  /** The anomaly report as of one date. Job id: `anomaly-report:<asOf>`, so a date is computed once. */
  AnomalyReport = 'anomaly-report',
  /** Repeatable (1 January 03:00 Asia/Shanghai by default): queues the warning report of the year before. */
  WarningYearly = 'warning-yearly',
  /** 高发违法行为预警报告 of one year, computed and stored. Job id: `warning-report:<year>`. */
  WarningReport = 'warning-report',
  /** Sends one SMS of a rating invite (the invite or its reminder). Job id: `sms:<messageId>`; a reminder is delayed. */
  SendSms = 'send-sms',
  /** Sends a noticed penalty case's supervision code (监督码) to the party by SMS. Job id: `penalty-notice:<caseId>`. */
  PenaltyNoticeSms = 'penalty-notice-sms',
  /** A complaint's flagged case was concluded: its outcome goes to the contact phone by SMS. Job id: `complaint-outcome:<caseId>`. */
  ComplaintOutcomeSms = 'complaint-outcome-sms',
  /** Repeatable (09:00 Asia/Shanghai): queues the advance notices (检查预告) due for inspections coming up. */
  InspectionNoticeSweep = 'inspection-notice-sweep',
  /** One inspection's advance notice by SMS. Job id: `inspection-notice:<leadPlanId>:<date>` (a moved inspection is announced again). */
  InspectionNoticeSms = 'inspection-notice-sms',
  /** 非现场检查: the SMS asking the enterprise for evidence (each round once). */
  OffsiteRequestSms = 'offsite-request-sms',
}

/** The payload of each job, by name. */
export interface JobPayloads {
  [JobName.ImportDataset]: { importId: string; dir: string; actor: string };
  /**
   * `groupId` is the lead plan's id (the joint inspection); `inspectionIds` are the agencies' inspection
   * records written at finish (one per agency, id = that agency's plan id). Job id: `finished:<groupId>`.
   */
  [JobName.InspectionFinished]: { groupId: string; creditCode: string; inspectionIds: string[]; finishedAt: string };
  /** Job id: `emergency-code:<planId>`; delayed until the deadline. */
  [JobName.EmergencyCodeDeadline]: { planId: string; checkedInAt: string; deadline: string };
  /** The as-of date is the day before the scheduled fire time (Asia/Shanghai). */
  [JobName.AnomalyNightly]: Record<string, never>;
  /** `asOf` YYYY-MM-DD; `requestedBy` `system:nightly-report`, `user:<id>:<name>` or `cli`. */
  [JobName.AnomalyReport]: { asOf: string; requestedBy: string };
  /** The year is the one before the scheduled fire time's (Asia/Shanghai). */
  [JobName.WarningYearly]: Record<string, never>;
  /** `requestedBy` `system:warning-report`, `user:<id>:<name>` or `cli`. */
  [JobName.WarningReport]: { year: number; requestedBy: string };
  /** The `sms_messages` row to send; everything else is read from it when the job runs. */
  [JobName.SendSms]: { messageId: string };
  /** Everything else (the phone, the code, the deadline) is read from the case when the job runs. */
  [JobName.PenaltyNoticeSms]: { caseId: string };
  /** The flagged case concluded; the complaint, its phone and the conclusion are read when the job runs. */
  [JobName.ComplaintOutcomeSms]: { caseId: string };
  /** Repeatable, job id `inspection-notice-sweep`. */
  [JobName.InspectionNoticeSweep]: Record<string, never>;
  /** The inspection (its lead plan) and the date announced; the rest is read when the job runs. */
  [JobName.InspectionNoticeSms]: { leadPlanId: string; date: string };
  [JobName.OffsiteRequestSms]: { requestId: string; round: number };
}
