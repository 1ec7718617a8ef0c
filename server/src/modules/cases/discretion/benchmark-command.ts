import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CLI_ACTOR, type BenchmarkImportResult } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import { TrailRepository } from '../../trail/index.js';
import { BenchmarkWriter } from './benchmark-writer.js';
import { BENCHMARK_UPLOAD_MAX_BYTES } from './benchmark-upload.js';
import { DiscretionBenchmarkRepository } from './discretion-benchmark.repository.js';
import { DiscretionBenchmarks } from './discretion-benchmarks.service.js';

function service(dataSource: DataSource): DiscretionBenchmarks {
  return new DiscretionBenchmarks(new DiscretionBenchmarkRepository(dataSource), BenchmarkWriter.on(dataSource), new TrailRepository(dataSource));
}

/** `npm run cli -- benchmarks import FILE`: the HTTP import's rules (all or nothing), recorded as the command line's. */
export async function runBenchmarkImport(dataSource: DataSource, file: string): Promise<BenchmarkImportResult> {
  if (statSync(file).size > BENCHMARK_UPLOAD_MAX_BYTES) throw new Error(`${file} is larger than ${BENCHMARK_UPLOAD_MAX_BYTES / 1024 / 1024} MB`);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  return service(dataSource).import(CLI_ACTOR, text);
}

/** `npm run cli -- benchmarks export FILE`: every benchmark as JSON Lines; answers the count. */
export async function runBenchmarkExport(dataSource: DataSource, file: string): Promise<number> {
  const out = createWriteStream(file);
  const count = await service(dataSource).export(out);
  out.end();
  await finished(out);
  return count;
}
