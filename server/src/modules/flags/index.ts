/**
 * flags/ — flagged cases for supervision (执法监督), raised by every feature: poor ratings, review
 * requests, going alone, missed emergency codes, the nightly report's findings.
 * Owns: flagged_cases, flagged_case_events. Imports trail/ only.
 */
export { FlagsModule } from './flags.module.js';
export { FlagRaiser, type RaiseFlag, type RaisedCase } from './flag-raiser.js';
export { FlaggedCaseRepository, type CaseEventRow } from './flagged-case.repository.js';
export { FlaggedCase, FlaggedCaseEvent, type FlagSource } from './flagged-case.entity.js';
