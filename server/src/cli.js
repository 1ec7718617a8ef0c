import 'reflect-metadata';
import { resolve } from 'node:path';
import { PhoneCipher } from './infra/crypto/phone-cipher.js';
import { openDataSource } from './infra/database/data-source.js';
import { DEMO_CITY_SIZES } from './modules/exchange/demo-city.js';
import { loadDemoCity } from './modules/exchange/demo-loader.js';
import { ExchangeExporter } from './modules/exchange/exchange-export.js';
import { ExchangeImporter } from './modules/exchange/exchange-import.js';
const USAGE = `usage: npm run cli -- <command>
  migrate                      apply pending migrations
  check-schema                 fail if the entities and the migrations disagree
  import DIR                   validate and import an exchange-format folder (all or nothing)
  export DIR                   write the database as an exchange-format folder
  demo [--size tiny|city|million] [--if-empty] [--seed N]
                               generate the demo city and import it, with the demo logins
  report --as-of YYYY-MM-DD --out FILE.json
                               the nightly anomaly report (not implemented yet)`;
function fail(message, code = 2) {
    process.stderr.write(`${message}\n`);
    process.exit(code);
}
function env(name) {
    const value = process.env[name]?.trim();
    if (!value)
        fail(`${name} is not set (npm run cli sets it for the local set-up; see server/.env.example)`);
    return value;
}
function phoneCipher() {
    const key = env('PHONE_ENCRYPTION_KEY');
    if (!/^[0-9a-fA-F]{64}$/.test(key))
        fail('PHONE_ENCRYPTION_KEY must be 64 hex characters');
    return new PhoneCipher(Buffer.from(key, 'hex'));
}
function option(args, name) {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
}
function progressPrinter() {
    let last = -1;
    return (p) => {
        const step = Math.floor(p.percent / 5);
        if (step === last)
            return;
        last = step;
        process.stderr.write(`  ${p.percent.toFixed(0).padStart(3)}% ${p.phase === 'validate' ? '校验' : '写入'} ${p.file} ${p.lines ? `line ${p.lines}` : ''}\n`);
    };
}
async function main() {
    const [command, ...args] = process.argv.slice(2);
    if (!command || command === '--help' || command === 'help')
        fail(USAGE, command ? 0 : 2);
    if (command === 'report')
        fail('report: not implemented yet — the nightly anomaly report (rule set v1) is a separate piece of work still to land.', 3);
    if (!['migrate', 'check-schema', 'import', 'export', 'demo'].includes(command))
        fail(`unknown command: ${command}\n${USAGE}`);
    const dataSource = await openDataSource(env('DATABASE_URL'), { migrate: true, poolSize: 4 });
    try {
        switch (command) {
            case 'migrate':
                process.stdout.write('migrations applied\n');
                break;
            case 'check-schema': {
                const pending = (await dataSource.driver.createSchemaBuilder().log()).upQueries;
                if (pending.length)
                    fail(`entities and migrations disagree; a migration is missing for:\n${pending.map((q) => `  ${q.query}`).join('\n')}`, 1);
                process.stdout.write('schema matches the entities\n');
                break;
            }
            case 'import': {
                if (!args[0])
                    fail('import needs a folder: npm run cli -- import DIR');
                const dir = resolve(args[0]);
                const started = Date.now();
                const result = await new ExchangeImporter(dataSource, phoneCipher(), { actor: `import:${dir}`, onProgress: progressPrinter() }).import(dir);
                if (!result.ok) {
                    for (const p of result.problems)
                        process.stdout.write(`${p.file}:${p.line}: ${p.field}: ${p.reason}\n`);
                    if (result.problemCount > result.problems.length)
                        process.stdout.write(`… and ${result.problemCount - result.problems.length} more problems\n`);
                    fail(`import refused: ${result.problemCount} problem(s); nothing was imported`, 1);
                }
                for (const [kind, count] of Object.entries(result.counts))
                    process.stdout.write(`${kind}: ${count}\n`);
                process.stdout.write(`imported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
                break;
            }
            case 'export': {
                if (!args[0])
                    fail('export needs a folder: npm run cli -- export DIR');
                const counts = await new ExchangeExporter(dataSource, phoneCipher()).export(resolve(args[0]));
                for (const [kind, count] of Object.entries(counts))
                    process.stdout.write(`${kind}: ${count}\n`);
                break;
            }
            case 'demo': {
                const size = (option(args, '--size') ?? 'city');
                if (!(size in DEMO_CITY_SIZES))
                    fail(`--size must be one of ${Object.keys(DEMO_CITY_SIZES).join(', ')}`);
                if (args.includes('--if-empty')) {
                    const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM agencies');
                    if (Number(n) > 0) {
                        process.stdout.write('demo city already loaded\n');
                        break;
                    }
                }
                const seed = option(args, '--seed');
                const result = await loadDemoCity(dataSource, phoneCipher(), { size, seed: seed ? Number(seed) : undefined, onProgress: progressPrinter() });
                for (const [kind, count] of Object.entries(result.counts))
                    process.stdout.write(`${kind}: ${count}\n`);
                break;
            }
        }
    }
    finally {
        await dataSource.destroy();
    }
}
main().catch((error) => fail(`error: ${error.stack ?? error}`, 1));
