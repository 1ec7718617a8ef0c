import { FlaggedCase, FlaggedCaseEvent } from './flagged-case.entity.js';

export const FLAGS_ENTITIES = [FlaggedCase, FlaggedCaseEvent];
