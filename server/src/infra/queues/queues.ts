/** Every Bull queue and job name, in one place. */
export enum QueueName {
  Exchange = 'exchange',
}

export enum JobName {
  ImportDataset = 'import-dataset',
}

/** The queue each job runs on. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ImportDataset]: QueueName.Exchange,
};

/** The payload of each job, by name. */
export interface JobPayloads {
  [JobName.ImportDataset]: { importId: string; dir: string; actor: string };
}
