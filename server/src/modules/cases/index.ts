/**
 * cases/ — administrative penalty cases (行政处罚案件: 立案 → 决定 → 结案, or 撤销) and their officers;
 * the supervision code (监督码) the party reads its noticed case by, and states, asks for a hearing or objects.
 * Owns: cases, case_officers, case_procedures, party_submissions, coercive_measures, legal_reviews, discretion_benchmarks.
 */
export { CasesModule } from './cases.module.js';
export { CaseRepository, type CaseSummary } from './case.repository.js';
export { PenaltyNoticeSms } from './supervision-code/penalty-notice-sms.js';
export { DiscretionModule } from './discretion/discretion.module.js';
export { BenchmarkWriter, benchmarkChain, type SaveOutcome } from './discretion/benchmark-writer.js';
export { DiscretionBenchmarkRepository } from './discretion/discretion-benchmark.repository.js';
export { runBenchmarkExport, runBenchmarkImport } from './discretion/benchmark-command.js';
export { PenaltyReportsModule } from './reports/penalty-reports.module.js';
export { DisputedClausesReporter } from './reports/disputed-clauses-reporter.js';
export { writeDisputedClausesWorkbook } from './reports/disputed-clauses-excel.js';
// The enterprise's own page reads its cases here, and links each noticed one to its supervision code.
export { EnterpriseCaseRepository, type EnterpriseCaseRow } from './enterprise-cases.repository.js';
export { supervisionCodeKey, supervisionCodeToken } from './supervision-code/supervision-code-token.js';
