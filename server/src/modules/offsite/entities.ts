import { OffsiteEvidence, OffsiteRequest, OffsiteRequestAsk } from './offsite-request.entity.js';

export const OFFSITE_ENTITIES = [OffsiteRequest, OffsiteRequestAsk, OffsiteEvidence];
