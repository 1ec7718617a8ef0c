/**
 * cases/ — administrative cases (行政处罚案件) as the exchange format has them, with their officers.
 * Owns: cases, case_officers.
 */
export { CasesModule } from './cases.module.js';
export { CaseRepository, type ImportedCase } from './case.repository.js';
