/** Every Bull queue and job name, in one place. */
export enum QueueName {
  Exchange = 'exchange',
  Inspections = 'inspections',
}

export enum JobName {
  ImportDataset = 'import-dataset',
  /** An inspection's results are uploaded: every agency of it has finished (the SMS invite follows). */
  InspectionFinished = 'inspection-finished',
  /** An emergency check-in's 24-hour deadline for filing the late inspection code has passed. */
  EmergencyCodeDeadline = 'emergency-code-deadline',
}

/** The queue each job runs on. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ImportDataset]: QueueName.Exchange,
  [JobName.InspectionFinished]: QueueName.Inspections,
  [JobName.EmergencyCodeDeadline]: QueueName.Inspections,
};

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
}
