/**
 * flags/ — flagged cases for supervision (执法监督), raised by every feature: poor ratings, review
 * requests, going alone, missed emergency codes, the nightly report's findings; and the supervision
 * console's reads and workflow updates of them (FlaggedCaseQueueRepository).
 * Owns: flagged_cases, flagged_case_events. Imports trail/ only.
 */
export { FlagsModule } from './flags.module.js';
export { FlagRaiser, type RaiseFlag, type RaisedCase } from './flag-raiser.js';
export { FlaggedCaseRepository, type CaseEventRow } from './flagged-case.repository.js';
export {
  FlaggedCaseQueueRepository,
  type CaseEventEntry,
  type CaseOnFile,
  type CaseUnderLock,
  type QueueCursor,
  type QueueFilter,
  type QueuedCase,
} from './flagged-case-queue.repository.js';
export { FlaggedCase, FlaggedCaseEvent, type FlagSource } from './flagged-case.entity.js';
