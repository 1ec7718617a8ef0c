import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import {
  benchmarkChanges,
  BENCHMARK_SOURCES,
  CLI_ACTOR,
  ErrorCode,
  actorUsername,
  userActor,
  validateBenchmark,
  type BenchmarkHistory,
  type BenchmarkImportResult,
  type BenchmarkSource,
  type DiscretionBenchmark,
  type DiscretionBenchmarkListItem,
  type DiscretionBenchmarkView,
  type Page,
  type SessionUser,
} from '@mashang/shared';
import { DomainError, notFound } from '../../../infra/errors/domain-error.js';
import { firstBreak, TrailRepository } from '../../trail/index.js';
import { benchmarkLine, parseBenchmarkLines, problemText } from './benchmark-lines.js';
import { benchmarkChain, BenchmarkWriter } from './benchmark-writer.js';
import { DiscretionBenchmarkRepository, type StoredBenchmark } from './discretion-benchmark.repository.js';

/** Who changed a benchmark, as the console shows it. */
export function actorName(actor: string): string {
  if (actor === CLI_ACTOR) return '命令行';
  if (actor.startsWith('import:demo')) return '演示数据';
  if (actor.startsWith('import:')) return '批量导入';
  return actorUsername(actor) ?? actor;
}

const view = (b: StoredBenchmark): DiscretionBenchmarkView => {
  const { updatedAt, updatedBy, ...benchmark } = b;
  return { ...benchmark, updatedAt: updatedAt.toISOString(), updatedBy: actorName(updatedBy) };
};

/** Rows the export reads per round trip. */
const EXPORT_BATCH = 500;

/** 裁量基准 administration: the list, one clause, an edit, its history, import and export. */
@Injectable()
export class DiscretionBenchmarks {
  constructor(
    @Inject(DiscretionBenchmarkRepository) private readonly benchmarks: DiscretionBenchmarkRepository,
    @Inject(BenchmarkWriter) private readonly writer: BenchmarkWriter,
    @Inject(TrailRepository) private readonly trail: TrailRepository,
  ) {}

  async list(q: string | undefined, page: number, pageSize: number): Promise<Page<DiscretionBenchmarkListItem>> {
    const { rows, total } = await this.benchmarks.page(q?.trim() || null, pageSize, (page - 1) * pageSize);
    return {
      items: rows.map((b) => ({
        clause: b.clause, name: b.name, legalBasis: b.legalBasis, factorCount: b.factors.length,
        fineFrom: b.ranges.light.min, fineTo: b.ranges.severe.max, updatedAt: b.updatedAt.toISOString(), updatedBy: actorName(b.updatedBy),
      })),
      total,
      page,
      pageSize,
    };
  }

  async get(clause: string): Promise<DiscretionBenchmarkView> {
    const stored = await this.benchmarks.findStored(clause);
    if (!stored) throw notFound(`条款 ${clause} 的裁量基准`);
    return view(stored);
  }

  /** Creates or replaces a clause's benchmark; a body that breaks a rule is refused with every problem, nothing written. */
  async put(user: SessionUser, clause: string, body: unknown): Promise<DiscretionBenchmarkView> {
    const { benchmark, problems } = validateBenchmark(body, { clause });
    if (!benchmark) throw new DomainError(ErrorCode.ValidationFailed, `裁量基准有误：${problems.map((p) => `${p.field} ${p.reason}`).join('；')}`, problems);
    await this.writer.save([benchmark], userActor(user), 'edit');
    return this.get(clause);
  }

  /** Every version of a clause's benchmark, newest first, each with what it changed. */
  async history(clause: string): Promise<BenchmarkHistory> {
    const entries = await this.trail.entries(benchmarkChain(clause));
    if (!entries.length && !(await this.benchmarks.find(clause))) throw notFound(`条款 ${clause} 的裁量基准`);
    let before: DiscretionBenchmark | null = null;
    const versions = entries.map((e) => {
      const detail = JSON.parse(e.detail) as { source: BenchmarkSource; benchmark: DiscretionBenchmark };
      const changes = benchmarkChanges(before, detail.benchmark);
      before = detail.benchmark;
      return {
        seq: e.seq, at: e.at.toISOString(), by: actorName(e.actor),
        source: BENCHMARK_SOURCES.includes(detail.source) ? detail.source : 'edit', changes, benchmark: detail.benchmark,
      };
    });
    return { clause, intact: firstBreak(entries) === null, entries: versions.reverse() };
  }

  /**
   * Imports a JSON Lines text: every line is checked first; with any problem nothing is written and
   * the answer lists them (`line: field: reason`), otherwise every benchmark that changes is written.
   */
  async import(actor: string, text: string): Promise<BenchmarkImportResult> {
    const parsed = parseBenchmarkLines(text);
    if (parsed.problemCount) {
      return { ok: false, lines: parsed.lines, created: 0, changed: 0, unchanged: 0, problems: parsed.problems, problemCount: parsed.problemCount };
    }
    const outcome = await this.writer.save(parsed.benchmarks, actor, 'import');
    return { ok: true, lines: parsed.lines, ...outcome, problems: [], problemCount: 0 };
  }

  /** The same, refused over HTTP with 400 and the problems as `fields` (`field` is `line: field`). */
  async importOrRefuse(user: SessionUser, text: string): Promise<BenchmarkImportResult> {
    const result = await this.import(userActor(user), text);
    if (result.ok) return result;
    const more = result.problemCount > result.problems.length ? `（仅列出前 ${result.problems.length} 处）` : '';
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `导入被拒绝：共 ${result.problemCount} 处问题${more}，未导入任何裁量基准。${result.problems.slice(0, 3).map(problemText).join('；')}`,
      result.problems.map((p) => ({ field: `${p.line}: ${p.field}`, reason: p.reason })),
    );
  }

  /** Writes every benchmark as JSON Lines in clause order; answers the count. */
  async export(out: Writable): Promise<number> {
    let after: string | null = null;
    let count = 0;
    for (;;) {
      const batch = await this.benchmarks.after(after, EXPORT_BATCH);
      if (!batch.length) return count;
      for (const b of batch) if (!out.write(benchmarkLine(b))) await once(out, 'drain');
      count += batch.length;
      after = batch[batch.length - 1].clause;
    }
  }
}
