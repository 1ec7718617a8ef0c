/**
 * cases/ — administrative penalty cases (行政处罚案件: 立案 → 决定 → 结案, or 撤销) and their officers.
 * Owns: cases, case_officers.
 */
export { CasesModule } from './cases.module.js';
export { CaseRepository, type CaseSummary } from './case.repository.js';
export { DiscretionModule } from './discretion/discretion.module.js';
export { BenchmarkWriter, benchmarkChain, type SaveOutcome } from './discretion/benchmark-writer.js';
export { DiscretionBenchmarkRepository } from './discretion/discretion-benchmark.repository.js';
export { runBenchmarkExport, runBenchmarkImport } from './discretion/benchmark-command.js';
export { PenaltyReportsModule } from './reports/penalty-reports.module.js';
export { DisputedClausesReporter } from './reports/disputed-clauses-reporter.js';
export { writeDisputedClausesWorkbook } from './reports/disputed-clauses-excel.js';
