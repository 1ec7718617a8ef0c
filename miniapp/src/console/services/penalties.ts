/* The console's calls for penalties: discretion benchmarks (裁量基准), the disputed clauses, the yearly warning report. */
import type {
  BenchmarkHistory,
  BenchmarkImportResult,
  DiscretionBenchmark,
  DiscretionBenchmarkListItem,
  DiscretionBenchmarkView,
  DisputedClausesReport,
  Page,
  WarningReportView,
  WarningRequestAnswer,
  WarningYearItem,
} from '@mashang/shared';
import { api } from '../../services/request';
import type { Period } from '../logic/report-periods';
import { download } from './console';

const benchmarkPath = (clause: string) => `/api/discretion-benchmarks/${encodeURIComponent(clause)}`;

export const BENCHMARK_PAGE_SIZE = 20;

export function listBenchmarks(q: string, page: number): Promise<Page<DiscretionBenchmarkListItem>> {
  return api.get('/api/discretion-benchmarks', { ...(q.trim() ? { q: q.trim() } : {}), page, pageSize: BENCHMARK_PAGE_SIZE });
}

export function getBenchmark(clause: string): Promise<DiscretionBenchmarkView> {
  return api.get(benchmarkPath(clause));
}

export function saveBenchmark(clause: string, body: Omit<DiscretionBenchmark, 'clause'>): Promise<DiscretionBenchmarkView> {
  return api.put(benchmarkPath(clause), body);
}

export function benchmarkHistory(clause: string): Promise<BenchmarkHistory> {
  return api.get(`${benchmarkPath(clause)}/history`);
}

/** A .jsonl file chosen in the browser; a refused file throws an ApiError whose fields are `line: field`. */
export function importBenchmarks(file: File): Promise<BenchmarkImportResult> {
  return api.upload('/api/discretion-benchmarks/import', {}, { name: file.name, blob: file });
}

export function exportBenchmarks(): Promise<void> {
  return download('/api/discretion-benchmarks/export', undefined, '裁量基准.jsonl');
}

export function disputedClauses(period: Period): Promise<DisputedClausesReport> {
  return api.get('/api/penalty-reports/disputed-clauses', { ...period });
}

export function exportDisputedClauses(period: Period): Promise<void> {
  return download('/api/penalty-reports/disputed-clauses/export', { ...period }, `争议条款-${period.from}-${period.to}.xlsx`);
}

export function warningYearList(): Promise<WarningYearItem[]> {
  return api.get('/api/anomaly/warnings');
}

export function warningReport(year: number): Promise<WarningReportView> {
  return api.get(`/api/anomaly/warnings/${year}`);
}

export function requestWarningReport(year: number): Promise<WarningRequestAnswer> {
  return api.post(`/api/anomaly/warnings/${year}`, {});
}

export function exportWarningReport(year: number): Promise<void> {
  return download(`/api/anomaly/warnings/${year}/export`, undefined, `${year}年高发违法行为预警报告.xlsx`);
}
