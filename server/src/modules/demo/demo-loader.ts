import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importActor } from '@mashang/shared';
import type { DataSource } from 'typeorm';
import type { PhoneCipher } from '../../infra/crypto/phone-cipher.js';
import { UserRepository } from '../auth/index.js';
import { ItemRepository } from '../registry/index.js';
import { BenchmarkWriter } from '../cases/index.js';
import { hashPassword } from '../auth/password.js';
import { ExchangeImporter, type ImportProgress, type ImportResult } from '../exchange/exchange-import.js';
import { DEMO_LOGINS } from './data/logins.js';
import { demoBenchmarks } from './generate/benchmarks.js';
import { generateDemoCity } from './generate/demo-city.js';
import { demoItemGuidance } from './generate/item-guidance.js';
import { DEMO_CITY_SIZES, type DemoSize } from './sizes.js';

/**
 * Loads the demo city the way a region loads its history: generated in the exchange format,
 * imported through the one import path, then the demo logins are created and every clause gets
 * its discretion benchmark (through the benchmarks' own writer, so each starts its history).
 */
export async function loadDemoCity(
  dataSource: DataSource,
  phones: PhoneCipher,
  { size = 'city' as DemoSize, seed = 20261121, asOf, onProgress }: { size?: DemoSize; seed?: number; asOf?: string; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mashang-demo-'));
  try {
    await generateDemoCity(dir, { ...DEMO_CITY_SIZES[size], seed, ...(asOf ? { asOf } : {}) });
    const result = await ExchangeImporter.on(dataSource, phones, { actor: importActor(`demo-city-${size}`), onProgress }).import(dir);
    if (!result.ok) {
      throw new Error(`demo city did not validate:\n${result.problems.slice(0, 20).map((p) => `${p.file}:${p.line}: ${p.field}: ${p.reason}`).join('\n')}`);
    }
    // The booklet's guidance is not in the exchange format: the items register gets it after the import.
    await new ItemRepository(dataSource).setGuidanceByName(demoItemGuidance());
    await createDemoLogins(dataSource);
    await loadDemoBenchmarks(dataSource);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo clauses' benchmarks; loading them again changes nothing. */
export async function loadDemoBenchmarks(dataSource: DataSource): Promise<void> {
  await BenchmarkWriter.on(dataSource).save(demoBenchmarks(), importActor('demo-city'), 'demo');
}

export async function createDemoLogins(dataSource: DataSource): Promise<void> {
  const users = new UserRepository(dataSource);
  for (const login of DEMO_LOGINS) {
    await users.upsertLogin({
      username: login.username, passwordHash: await hashPassword(login.password), role: login.role, displayName: login.displayName,
      agencyId: login.agencyId ?? null, officerId: login.officerId ?? null,
    });
  }
}
