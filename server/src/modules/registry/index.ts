/**
 * registry/ — 清单化管理: the registers of agencies, officers, inspection items and enterprises, and
 * the history of every change to them.
 * Owns: agencies, officers, items, enterprises, register_history, violation_colours (三色清单).
 */
export { RegistryModule } from './registry.module.js';
export { AgencyRepository } from './agency.repository.js';
export { OfficerRepository } from './officer.repository.js';
export { ItemRepository } from './item.repository.js';
export { EnterpriseRepository, type LockedEnterprise } from './enterprise.repository.js';
export { RegisterHistoryRepository } from './register-history.repository.js';
export { diffFields, REGISTER_FIELDS, type HistoryEvent } from './register-history.js';
export { RegisterRowsRepository, type RegisterRow } from './register-rows.repository.js';
export { RegisterImports } from './register-imports.js';
export { ViolationColourRepository } from './violation-colour.repository.js';
