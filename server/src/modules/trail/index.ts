/**
 * trail/ — the hash-chained trail of each inspection (全过程留痕).
 * Owns: inspection_trail. Imports no feature module.
 */
export { TrailModule } from './trail.module.js';
export { TrailRepository } from './trail.repository.js';
export { TrailReader } from './trail-reader.js';
export { disclosedDetail, type TrailReaderKind } from './trail-disclosure.js';
export { chainTrailEntries, entryHash, firstBreak, GENESIS_HASH, type StoredEntry, type TrailAppend, type TrailTail } from './trail-chain.js';
