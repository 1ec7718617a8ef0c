import { InspectionItem } from './inspection-item.entity.js';
import { InspectionOfficer } from './inspection-officer.entity.js';
import { Inspection } from './inspection.entity.js';

/** Inspection records as the exchange format has them: written at finish or imported. */
export const INSPECTIONS_ENTITIES = [Inspection, InspectionOfficer, InspectionItem];
