import 'reflect-metadata';
import { resolve } from 'node:path';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { hostname } from 'node:os';
import { AUDIT_RESOURCES, CLI_ACTOR, disputedClauseTable, importActor, isCalendarDate, percentText, shanghaiDate, shanghaiDateTime, unmaskedPurposeProblem } from '@mashang/shared';
import { anomalyReportConfig, validCron } from './infra/config/config.js';
import { reportsConfig } from './infra/config/reports-config.js';
import { redisTargetConfig } from './infra/config/redis-target.js';
import { PhoneCipher } from './infra/crypto/phone-cipher.js';
import { phoneKeysConfig } from './infra/crypto/phone-keys.js';
import { rotatePhones, type RotationProgress } from './infra/crypto/phone-rotation.js';
import { migrateOnce, openDatabase } from './database.js';
import { storedPhoneColumns } from './phone-columns.js';
import { runReportCommand } from './modules/analytics/report-command.js';
import { rowSource } from './modules/analytics/row-source.js';
import { violationWarningReport } from './modules/analytics/warning-report.js';
import { createDemoBureau, DEMO_CITY_SIZES, loadDemoCity, type DemoSize } from './modules/demo/index.js';
import { SmsOutboxRepository } from './modules/evaluation/index.js';
import { AuditLog } from './modules/audit/index.js';
import { DisputedClausesReporter, runBenchmarkExport, runBenchmarkImport, writeDisputedClausesWorkbook } from './modules/cases/index.js';
import { WarningReportRepository } from './modules/analytics/warning-report.repository.js';
import { AgencyRepository } from './modules/registry/index.js';
import { runExportCommand } from './modules/exchange/export-command.js';
import { ExchangeImporter, type ImportProgress } from './modules/exchange/exchange-import.js';
import { TrailReader, TrailRepository } from './modules/trail/index.js';
import { verifyDraw } from './modules/draws/verify-draw.js';

const USAGE = `usage: npm run cli -- <command>
  migrate                      apply pending migrations
  check-schema                 fail if the entities and the migrations disagree
  import DIR                   validate and import an exchange-format folder (all or nothing)
  export DIR --purpose 用途     write the database as an exchange-format folder, phones in
                               clear; the purpose (in Chinese) goes to the audit log
  verify-trail [INSPECTION_ID] recompute inspections' hash-chained trails (all when no id);
                               exits 1 naming each inspection's first broken link
  demo [--size tiny|city|million] [--if-empty] [--seed N]
                               generate the demo city and import it, with the demo logins
  report --as-of YYYY-MM-DD --out FILE.json
                               the nightly anomaly report as of that date (the nightly job's code path)
  warning --year YYYY --out FILE.json [--store]
                               the yearly high-incidence violation early-warning report;
                               --store keeps it as the year's report (as the January job does)
  benchmarks import FILE       import discretion benchmarks from a JSON Lines file (all or
                               nothing; one \`line: field: reason\` per problem, exit 1)
  benchmarks export FILE       write every discretion benchmark as JSON Lines
  disputed-clauses --from YYYY-MM-DD --to YYYY-MM-DD [--agency ID] [--out FILE.xlsx]
                               clauses whose discretion draws objections, per clause over the
                               period (thresholds: DISPUTED_CLAUSE_MIN_OBJECTIONS / _MIN_RATE)
  verify-draw FILE|URL         check a published random draw (双随机): the seed against its commitment,
                               the draw re-run on its inputs against its result; needs no database
  rotate-phones                re-encrypt every stored phone under the current key of
                               PHONE_ENCRYPTION_KEYS and fill missing blind indexes (resumable);
                               recorded in the audit log
  outbox [--last N]            the last N (10) messages of the local SMS outbox (SMS_PROVIDER=outbox),
                               phones masked: the demo's rating links and the port's sign-in codes`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function env(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) fail(`${name} is not set (npm run cli sets it for the local set-up; see server/.env.example)`);
  return value;
}

function phoneCipher(): PhoneCipher {
  const problems: string[] = [];
  const keys = phoneKeysConfig(process.env, problems);
  if (problems.length) fail(`${problems.join('\n')}\n(npm run cli sets the key for the local set-up; see server/.env.example)`);
  return new PhoneCipher(keys);
}

/** A line per table at its start and end and at every 5 % between. */
function rotationPrinter(): (p: RotationProgress) => void {
  let last = '';
  return (p) => {
    const percent = p.total ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 100;
    const step = `${p.table}:${Math.floor(percent / 5)}`;
    if (step === last && p.done < p.total) return;
    last = step;
    process.stderr.write(`  ${p.table}: ${p.done}/${p.total} (${percent}%), rewritten ${p.rewritten}${p.unreadable ? `, unreadable ${p.unreadable}` : ''}\n`);
  };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The first argument that is neither an option nor an option's value (`export DIR --purpose …`, either order). */
function positional(args: string[]): string | undefined {
  return args.find((arg, i) => !arg.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && args[i - 1] !== '--if-empty'));
}

const PHASE_LABELS: Record<ImportProgress['phase'], string> = { validate: '校验', write: '写入', load: '校验并载入', index: '建索引' };

function progressPrinter(): (p: ImportProgress) => void {
  let last = -1;
  return (p) => {
    const step = Math.floor(p.percent / 5);
    if (step === last) return;
    last = step;
    process.stderr.write(`  ${p.percent.toFixed(0).padStart(3)}% ${PHASE_LABELS[p.phase]} ${p.file} ${p.lines ? `line ${p.lines}` : ''}\n`);
  };
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === '--help' || command === 'help') fail(USAGE, command ? 0 : 2);
  if (!['migrate', 'check-schema', 'import', 'export', 'demo', 'verify-trail', 'report', 'warning', 'rotate-phones', 'verify-draw', 'benchmarks', 'disputed-clauses', 'outbox'].includes(command)) fail(`unknown command: ${command}\n${USAGE}`);
  if (command === 'verify-draw') {
    const source = positional(args);
    if (!source) fail('usage: npm run cli -- verify-draw FILE.json | https://…/api/public/draws/ID');
    const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
    const check = await verifyDraw(JSON.parse(text));
    for (const line of check.lines) process.stdout.write(`${line}\n`);
    if (!check.ok) fail('draw NOT verified', 1);
    process.stdout.write('draw verified\n');
    return;
  }
  const out = option(args, '--out');
  if (command === 'report') {
    const asOf = option(args, '--as-of');
    if (!asOf || !isCalendarDate(asOf) || !out) fail('usage: npm run cli -- report --as-of YYYY-MM-DD --out FILE.json');
    if (asOf >= shanghaiDate(Date.now())) fail('report: --as-of must be a day that has ended (yesterday or earlier, Asia/Shanghai)');
  }
  if (command === 'export') {
    const problem = unmaskedPurposeProblem(option(args, '--purpose'));
    if (!positional(args)) fail('usage: npm run cli -- export DIR --purpose "用途（中文，至少 6 个汉字）"');
    if (problem) fail(`export writes every phone in clear and is recorded in the audit log: ${problem}\nusage: npm run cli -- export DIR --purpose "与省平台交换数据"`);
  }
  if (command === 'warning') {
    const year = option(args, '--year');
    if (!year || !/^\d{4}$/.test(year) || !out) fail('usage: npm run cli -- warning --year YYYY --out FILE.json');
  }

  if (command === 'benchmarks' && (!['import', 'export'].includes(args[0]) || !args[1])) fail('usage: npm run cli -- benchmarks import FILE | benchmarks export FILE');
  const problems: string[] = [];
  const reports = reportsConfig(process.env, problems, validCron);
  if (command === 'disputed-clauses') {
    const [from, to] = [option(args, '--from'), option(args, '--to')];
    if (!from || !to || !isCalendarDate(from) || !isCalendarDate(to) || from > to) fail('usage: npm run cli -- disputed-clauses --from YYYY-MM-DD --to YYYY-MM-DD [--agency ID] [--out FILE.xlsx] (from not after to)');
    if (problems.length) fail(problems.join('\n'));
  }

  // Pending migrations first: under the instances' migration lock when Redis is configured.
  const databaseUrl = env('DATABASE_URL');
  const redisProblems: string[] = [];
  const redis = redisTargetConfig(process.env, redisProblems);
  if (!redisProblems.length) await migrateOnce(databaseUrl, redis);
  const dataSource = await openDatabase(databaseUrl, { migrate: redisProblems.length > 0, poolSize: 4 });
  try {
    switch (command) {
      case 'migrate':
        process.stdout.write('migrations applied\n');
        break;
      case 'check-schema': {
        const pending = (await dataSource.driver.createSchemaBuilder().log()).upQueries;
        if (pending.length) fail(`entities and migrations disagree; a migration is missing for:\n${pending.map((q) => `  ${q.query}`).join('\n')}`, 1);
        process.stdout.write('schema matches the entities\n');
        break;
      }
      case 'import': {
        if (!args[0]) fail('import needs a folder: npm run cli -- import DIR');
        const dir = resolve(args[0]);
        const started = Date.now();
        const result = await ExchangeImporter.on(dataSource, phoneCipher(), { actor: importActor(dir), onProgress: progressPrinter() }).import(dir);
        if (!result.ok) {
          for (const p of result.problems) process.stdout.write(`${p.file}:${p.line}: ${p.field}: ${p.reason}\n`);
          if (result.problemCount > result.problems.length) process.stdout.write(`… and ${result.problemCount - result.problems.length} more problems\n`);
          fail(`import refused: ${result.problemCount} problem(s); nothing was imported`, 1);
        }
        for (const [kind, count] of Object.entries(result.counts)) process.stdout.write(`${kind}: ${count}\n`);
        process.stdout.write(`imported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        break;
      }
      case 'export': {
        const { counts, unreadablePhones } = await runExportCommand(dataSource, phoneCipher(), resolve(positional(args)!), option(args, '--purpose')!.trim());
        for (const [kind, count] of Object.entries(counts)) process.stdout.write(`${kind}: ${count}\n`);
        if (unreadablePhones) fail(`${unreadablePhones} phone(s) could not be decrypted (their key version is not configured) and were left out: importing this folder would erase them`, 1);
        break;
      }
      case 'verify-trail': {
        const trails = new TrailReader(new TrailRepository(dataSource));
        const broken = args[0] ? [await trails.verify(args[0])].filter((r) => !r.intact) : [];
        if (!args[0]) for await (const result of trails.broken()) broken.push(result);
        for (const result of broken) process.stdout.write(`${result.inspectionId}: broken at entry ${result.firstBreak!.seq} (${result.firstBreak!.reason})\n`);
        if (broken.length) fail(`${broken.length} trail(s) broken`, 1);
        process.stdout.write(args[0] ? `${args[0]}: trail intact\n` : 'every trail intact\n');
        break;
      }
      case 'report': {
        const problems: string[] = [];
        const config = anomalyReportConfig(process.env, problems);
        const redis = redisTargetConfig(process.env, problems);
        if (problems.length) fail(problems.join('\n'));
        const asOf = option(args, '--as-of')!;
        const started = Date.now();
        const findings = await runReportCommand({
          dataSource, redis, asOf, out: resolve(out!), config,
          onProgress: (p) => process.stderr.write(`  ${String(p.percent).padStart(3)}% ${p.step}\n`),
        });
        process.stdout.write(`report as of ${asOf}: ${findings} finding(s) written to ${resolve(out!)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        break;
      }
      case 'warning': {
        const report = await violationWarningReport(rowSource(dataSource), Number(option(args, '--year')));
        writeFileSync(resolve(out!), `${JSON.stringify(report, null, 2)}\n`);
        if (args.includes('--store')) {
          await new WarningReportRepository(dataSource).save(report, CLI_ACTOR, new Date());
          process.stdout.write(`stored as the report of ${report.year}\n`);
        }
        process.stdout.write(`warning report ${report.year}: ${report.totalCases} case(s), ${report.top.filter((c) => c.warning).length} warning(s) written to ${resolve(out!)}\n`);
        break;
      }
      case 'benchmarks': {
        const file = resolve(args[1]);
        if (args[0] === 'export') {
          process.stdout.write(`${await runBenchmarkExport(dataSource, file)} benchmark(s) written to ${file}\n`);
          break;
        }
        const result = await runBenchmarkImport(dataSource, file);
        if (!result.ok) {
          for (const p of result.problems) process.stdout.write(`${p.line}: ${p.field}: ${p.reason}\n`);
          if (result.problemCount > result.problems.length) process.stdout.write(`… and ${result.problemCount - result.problems.length} more problems\n`);
          fail(`import refused: ${result.problemCount} problem(s); nothing was imported`, 1);
        }
        process.stdout.write(`${result.lines} line(s): ${result.created} created, ${result.changed} changed, ${result.unchanged} unchanged\n`);
        break;
      }
      case 'disputed-clauses': {
        const agencyId = option(args, '--agency');
        let agency: { id: string; name: string } | null = null;
        if (agencyId) {
          const name = (await new AgencyRepository(dataSource).namesOf([agencyId])).get(agencyId);
          if (!name) fail(`no agency ${agencyId}`);
          agency = { id: agencyId, name };
        }
        const report = await DisputedClausesReporter.on(dataSource).report({ from: option(args, '--from')!, to: option(args, '--to')! }, agency, reports.disputedClauses);
        const { header, rows } = disputedClauseTable(report);
        process.stdout.write(`争议条款 ${report.from} 至 ${report.to}${agency ? `（${agency.name}）` : ''}：提示标准 异议≥${report.thresholds.minObjections} 件且异议率≥${percentText(report.thresholds.minRate)}\n`);
        process.stdout.write(`${header.slice(0, 9).join('\t')}\n`);
        for (const row of rows) process.stdout.write(`${row.slice(0, 9).join('\t')}\n`);
        for (const c of report.clauses.filter((x) => x.disputed)) process.stdout.write(`${c.clause}：${c.suggestion}\n`);
        process.stdout.write(`${report.clauses.length} clause(s), ${report.totals.disputed} disputed\n`);
        if (out) {
          const file = createWriteStream(resolve(out));
          await writeDisputedClausesWorkbook(report, file);
          await finished(file);
          process.stdout.write(`written to ${resolve(out)}\n`);
        }
        break;
      }
      case 'rotate-phones': {
        const cipher = phoneCipher();
        process.stdout.write(`re-encrypting stored phones under key version ${cipher.currentVersion}\n`);
        const result = await rotatePhones(cipher, storedPhoneColumns(dataSource), { onProgress: rotationPrinter() });
        await AuditLog.on(dataSource).record({
          actor: CLI_ACTOR, action: 'rotate-phones', resource: AUDIT_RESOURCES.phones, purpose: null, rows: result.rewritten, address: hostname(),
          filter: { keyVersion: cipher.currentVersion, rewritten: Object.fromEntries(result.byTable.map((t) => [t.table, t.rewritten])), unreadable: result.unreadable },
        });
        for (const t of result.byTable) process.stdout.write(`${t.table}: ${t.rewritten} rewritten${t.unreadable ? `, ${t.unreadable} unreadable` : ''}\n`);
        if (result.unreadable) {
          fail(`${result.unreadable} phone(s) are under a key version that is not configured and were left as they are: add that key to PHONE_ENCRYPTION_KEYS and run rotate-phones again`, 1);
        }
        process.stdout.write(`every stored phone is under key version ${cipher.currentVersion}\n`);
        break;
      }
      case 'outbox': {
        const last = Number(option(args, '--last') ?? 10);
        if (!Number.isInteger(last) || last < 1 || last > 500) fail('usage: npm run cli -- outbox [--last N] (N 1–500)');
        const cipher = phoneCipher();
        const entries = await new SmsOutboxRepository(dataSource).latest(last);
        if (!entries.length) process.stdout.write('the outbox is empty (messages go there only with SMS_PROVIDER=outbox)\n');
        for (const e of entries.reverse()) process.stdout.write(`${shanghaiDateTime(e.sentAt)}  ${cipher.masked(e.phoneCipher)}  ${e.text}\n`);
        break;
      }
      case 'demo': {
        const size = (option(args, '--size') ?? 'city') as DemoSize;
        if (!(size in DEMO_CITY_SIZES)) fail(`--size must be one of ${Object.keys(DEMO_CITY_SIZES).join(', ')}`);
        if (args.includes('--if-empty')) {
          const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM agencies');
          if (Number(n) > 0) {
            // A city loaded before the bureau existed gets it now (once).
            await createDemoBureau(dataSource);
            process.stdout.write('demo city already loaded\n');
            break;
          }
        }
        const seed = option(args, '--seed');
        const result = await loadDemoCity(dataSource, phoneCipher(), { size, seed: seed ? Number(seed) : undefined, onProgress: progressPrinter() });
        await createDemoBureau(dataSource);
        for (const [kind, count] of Object.entries(result.counts)) process.stdout.write(`${kind}: ${count}\n`);
        break;
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => fail(`error: ${(error as Error).stack ?? error}`, 1));
