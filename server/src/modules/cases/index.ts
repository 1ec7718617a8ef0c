/**
 * cases/ — administrative penalty cases (行政处罚案件: 立案 → 决定 → 结案, or 撤销) and their officers.
 * Owns: cases, case_officers.
 */
export { CasesModule } from './cases.module.js';
export { CaseRepository, type CaseSummary } from './case.repository.js';
// The enterprise's own page reads its cases here, and links each noticed one to its supervision code.
export { EnterpriseCaseRepository, type EnterpriseCaseRow } from './enterprise-cases.repository.js';
export { supervisionCodeKey, supervisionCodeToken } from './supervision-code/supervision-code-token.js';
