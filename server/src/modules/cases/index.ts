/**
 * cases/ — administrative penalty cases (行政处罚案件: 立案 → 决定 → 结案, or 撤销) and their officers;
 * the supervision code (监督码) the party reads its noticed case by, and states, asks for a hearing or objects.
 * Owns: cases, case_officers, case_procedures, party_submissions, coercive_measures, legal_reviews, discretion_benchmarks.
 */
export { CasesModule } from './cases.module.js';
export { CaseRepository, type CaseSummary } from './case.repository.js';
export { PenaltyNoticeSms } from './supervision-code/penalty-notice-sms.js';
