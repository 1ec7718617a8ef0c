import { RectificationCheck } from './follow-ups/rectification-check.entity.js';
import { Checkin, Finding, InspectionDocument } from './onsite.entity.js';

export const ONSITE_ENTITIES = [Checkin, Finding, InspectionDocument, RectificationCheck];
