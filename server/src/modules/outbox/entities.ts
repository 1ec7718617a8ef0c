import { JobOutboxEntry } from './job-outbox.entity.js';

export const OUTBOX_ENTITIES = [JobOutboxEntry];
