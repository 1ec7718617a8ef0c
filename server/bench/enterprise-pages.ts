/**
 * bench/enterprise-pages: how soon the pages an enterprise opens from an SMS or a code show their
 * content on a slow phone. Each page is loaded cold (fresh browser context, empty cache) in
 * Chromium through the whole server (redirect, static files, API) on Chrome's "Slow 3G" and
 * "Fast 3G" profiles with the CPU slowed 4×, and timed from the navigation to its content next to
 * the transfer floor of the bytes it loaded (bytes / bandwidth + one round trip per request on its
 * longest dependent chain; see page-load.ts). Targets: 3 s on Slow 3G, 1.5 s on Fast 3G.
 *
 *   npm run bench:enterprise-pages -w server -- [--runs 3] [--screenshots DIR] [--full-app]
 *
 * Needs DATABASE_URL (a user that may create databases), REDIS_URL and the H5 build
 * (`npm run build:h5 -w miniapp`, or H5_DIR); Chromium at CHROMIUM_PATH or /usr/bin/chromium.
 */
import 'reflect-metadata';
import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium } from 'playwright-core';
import { credentialHash } from '../src/modules/evaluation/rating-token.js';
import { addInspectionOfficer, seedTwoAgencies } from '../test/support/fixtures.js';
import { call, login, startTestApp } from '../test/support/test-app.js';
import { loadPage, PROFILES, type PageLoad } from './page-load.js';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 3) || 3;
/** `--screenshots DIR`: also saves each page as shown, unthrottled, to look at. */
const SCREENSHOTS = args.includes('--screenshots') ? args[args.indexOf('--screenshots') + 1] : null;
const FULL_APP = args.includes('--full-app');
const TARGET_MS: Record<string, number> = { 'Slow 3G': 3000, 'Fast 3G': 1500 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000701');
const RATING_TOKEN = 'BenchRatingToken000001';

if (!process.env.DATABASE_URL || !process.env.REDIS_URL) throw new Error('set DATABASE_URL and REDIS_URL');
const t = await startTestApp('bench_enterprise_pages', { listen: true, env: { LOG_LEVEL: 'warn' } });
if (!t.config.h5Dir) throw new Error('no H5 build: run `npm run build:h5 -w miniapp` first (or set H5_DIR)');
try {
  // ---- an inspection code for the door, and an SMS rating link still open
  await seedTwoAgencies(t.dataSource);
  await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《中华人民共和国食品安全法》第八十七条')");
  await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', 'C')", [SHOP]);
  const officer = await login(t.app, 'officer1');
  const plan = await call(t.app, 'POST', '/api/plans', {
    token: officer,
    body: { creditCode: SHOP, date: shanghaiDate(Date.now() + 8 * 86_400_000), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'] },
  });
  if (plan.status !== 201 && plan.status !== 200) throw new Error(`filing the plan failed: ${JSON.stringify(plan.body)}`);
  const code = await call(t.app, 'POST', `/api/plans/${plan.body.id}/code`, { token: officer });
  if (code.status !== 200) throw new Error(`issuing the code failed: ${JSON.stringify(code.body)}`);
  await t.dataSource.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES ('B1', 'A2', ?, 'planned', NOW() - INTERVAL 2 HOUR, NOW() - INTERVAL 1 HOUR, 1, 'pass')", [SHOP]);
  await addInspectionOfficer(t.dataSource, 'B1', 'O2');
  await t.dataSource.query(
    "INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, mode, token_hash, code_hash, inspection_date, created_at, expires_at) VALUES ('BINV', 'B1', ?, NULL, 'link', ?, NULL, CURDATE(), NOW(), NOW() + INTERVAL 7 DAY)",
    [SHOP, credentialHash({ kind: 'link', token: RATING_TOKEN })],
  );
  await t.dataSource.query("INSERT INTO rating_invite_agencies (invite_id, inspection_id, agency_id, position) VALUES ('BINV', 'B1', 'A2', 0)");

  // --full-app: the same pages in the full H5 app (Taro), opened directly, for comparison.
  const pages = FULL_APP
    ? [
        { name: 'full app: rating code box', path: '/h5/#/enterprise/pages/rate/index', selector: '#rate-code input' },
        { name: 'full app: rating from SMS', path: `/h5/#/enterprise/pages/rate/index?t=${RATING_TOKEN}`, selector: '#rate-form .rate-agency' },
        { name: 'full app: verification', path: `/h5/#/enterprise/pages/verify/index?c=${code.body.token}`, selector: '#verify-status.verify--ok' },
      ]
    : [
        { name: 'rating code box   /r', path: '/r', selector: '#rate-code input' },
        { name: 'rating from SMS   /r/<token>', path: `/r/${RATING_TOKEN}`, selector: '#rate-form .rate-agency' },
        { name: 'verification      /v/<code>', path: `/v/${code.body.token}`, selector: '#verify-status.verify--ok' },
      ];

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    console.log(`H5 build: ${t.config.h5Dir}; ${RUNS} cold loads per page and profile, median shown`);
    for (const profile of PROFILES) {
      console.log(`\n${profile.name}: ${profile.rttMs} ms RTT, ${profile.downKbps}/${profile.upKbps} kbit/s, CPU ${profile.cpuSlowdown}× slower (target ${TARGET_MS[profile.name]} ms)`);
      console.log(`  ${'page'.padEnd(30)} ${'content'.padStart(9)} ${'floor'.padStart(8)} ${'ratio'.padStart(6)} ${'bytes'.padStart(10)} requests chain  encodings`);
      for (const page of pages) {
        const loads: PageLoad[] = [];
        for (let run = 0; run < RUNS; run += 1) loads.push(await loadPage(browser, `${t.url}${page.path}`, page.selector, profile));
        const median = loads.sort((a, b) => a.contentMs - b.contentMs)[Math.floor(loads.length / 2)];
        const verdict = median.contentMs <= TARGET_MS[profile.name] ? 'within target' : 'OVER TARGET';
        console.log(
          `  ${page.name.padEnd(30)} ${`${Math.round(median.contentMs)} ms`.padStart(9)} ${`${Math.round(median.floorMs)} ms`.padStart(8)} ${(median.contentMs / median.floorMs).toFixed(2).padStart(6)} ${`${(median.bytes / 1024).toFixed(1)} KiB`.padStart(10)} ${String(median.requests).padStart(8)} ${String(median.chain).padStart(5)}  ${JSON.stringify(median.encodings)}  ${verdict}` +
            `  (runs: ${loads.map((load) => Math.round(load.contentMs)).join(' / ')} ms)`,
        );
      }
    }
    if (SCREENSHOTS) {
      // Tall enough for the whole page: the H5 pages scroll inside their own container.
      const context = await browser.newContext({ viewport: { width: 375, height: 1400 }, isMobile: true, hasTouch: true });
      for (const page of pages) {
        const tab = await context.newPage();
        await tab.goto(`${t.url}${page.path}`);
        await tab.waitForSelector(page.selector);
        await tab.waitForLoadState('networkidle');
        const file = `${SCREENSHOTS}/${page.name.replace(/[^A-Za-z]+/g, '-').replace(/^-|-$/g, '')}.png`;
        await tab.screenshot({ path: file });
        console.log(`saved ${file}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  await t.close();
}
