import { TrailEntry } from './trail-entry.entity.js';

export const TRAIL_ENTITIES = [TrailEntry];
