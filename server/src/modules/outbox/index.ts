/**
 * outbox/ — the job outbox: jobs a write must cause, recorded in its transaction and handed to Bull by
 * a relay in every process. Owns: job_outbox. Imports no feature module.
 */
export { OutboxModule } from './outbox.module.js';
export { JobOutbox, outboxJob, type OutboxJob } from './job-outbox.js';
