/**
 * inspections/ — inspection records as the exchange format has them: one per agency's part of an
 * inspection, with its officers and items; written when every agency has finished on site, or imported.
 * Owns: inspections, inspection_officers, inspection_items.
 */
export { InspectionsModule } from './inspections.module.js';
export { InspectionRepository, type InspectionSummary, type StoredInspection } from './inspection.repository.js';
