import { Module } from '@nestjs/common';
import { JobOutbox } from './job-outbox.js';
import { JobOutboxRepository } from './job-outbox.repository.js';
import { OutboxRelay } from './outbox-relay.js';

/** The job outbox and its relay (one per process): a leaf every feature that causes jobs may import. */
@Module({
  providers: [JobOutboxRepository, OutboxRelay, JobOutbox],
  exports: [JobOutbox],
})
export class OutboxModule {}
