import { addDays, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Redis } from 'ioredis';
import { REDIS } from '../../src/infra/redis/redis.module.js';
import { loadDemoCity } from '../../src/modules/demo/index.js';
import { pageRawWords, rawWords } from '../support/raw-words.js';
import { call, forgetLoginAttempts, login, startTestApp, testPhoneCipher, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const DESK = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
// The demo enterprise's phone took a sign-in code a moment ago (its complaint) and codes per phone are
// counted for a day across runs: the test gives the register a phone of this run's own.
const PHONE_NUMBER = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const ACCOUNTS = ['officer1', 'officer2', 'admin1', 'admin2', 'supervisor', 'discipline'];

/**
 * Every page a person reads, on the demo city and the demo day as `npm start` sets them up: the console
 * at a desk's width, the officer's and the enterprise's pages at 375 px. Each must render its content
 * and show no raw key, enum value, JSON or ISO timestamp (support/raw-words.ts).
 */
describe('every page reads in Chinese: no raw keys, values, JSON or ISO times', () => {
  let t: TestApp;
  let browser: Browser;
  const links: { rating?: string; supervision?: string; verify?: string; enterprise?: { creditCode: string; name: string } } = {};

  async function signIn(context: BrowserContext, username: string, landed: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${t.url}/h5/`);
    await page.fill('#username input', username);
    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.waitForSelector(landed, { timeout: 15_000 });
    return page;
  }

  /** Opens a page of the H5 app and waits for its content and the requests it makes. */
  async function open(page: Page, path: string, ready: string): Promise<void> {
    await page.goto(path.startsWith('/') ? `${t.url}${path}` : `${t.url}/h5/#/${path}`);
    // An empty list is in the page but has no height: present is enough, the requests are waited for.
    await page.waitForSelector(ready, { state: 'attached', timeout: 15_000 });
    await page.waitForLoadState('networkidle');
  }

  /** Raw words found so far in one test: every page is walked before the test fails, naming them all. */
  let found: string[] = [];
  async function readable(page: Page, name: string, allow: string[] = []): Promise<void> {
    found.push(...(await pageRawWords(page, { accounts: ACCOUNTS.filter((a) => !allow.includes(a)), allow })).map((problem) => `${name}: ${problem}`));
  }
  async function check(page: Page, name: string, path: string, ready: string): Promise<void> {
    await open(page, path, ready);
    await readable(page, name);
  }
  /** Clicks every one of these toggles (history panels and the like) and waits for what they open. */
  async function openAll(page: Page, toggle: string, opened: string): Promise<void> {
    const toggles = page.locator(toggle);
    const count = Math.min(await toggles.count(), 8);
    for (let i = 0; i < count; i += 1) await toggles.nth(i).click();
    if (count) await page.waitForSelector(opened, { state: 'attached', timeout: 10_000 });
    await page.waitForLoadState('networkidle');
  }
  beforeEach(() => {
    found = [];
  });
  afterEach(() => {
    expect(found).toEqual([]);
  });

  /**
   * What the demo day leaves out and the desks read: plans moved, cancelled and waiting for approval,
   * a review request, a joint scenario, a flagged case worked on, exports in the audit log.
   */
  async function deskJobs(officer1: string, supervisor: string): Promise<void> {
    const me = (await call(t.app, 'GET', '/api/auth/me', { token: officer1 })).body as { officerId: string; agencyId: string };
    const items = (await call(t.app, 'GET', '/api/registry/items?page=1&pageSize=100', { token: officer1 })).body.items as { id: string; noDisturb: boolean }[];
    const itemIds = items.filter((i) => !i.noDisturb).slice(0, 1).map((i) => i.id);
    const enterprises = (await call(t.app, 'GET', '/api/registry/enterprises?page=1&pageSize=100', { token: officer1 })).body.items as { creditCode: string; lowTouch: boolean }[];
    // From the end of the first page: the demo day plans on its first enterprises and the second page.
    const candidates = enterprises.filter((e) => !e.lowTouch).reverse();
    const inDays = (n: number) => addDays(shanghaiDate(new Date()), n);
    const file = async (): Promise<string | null> => {
      while (candidates.length) {
        const filed = await call(t.app, 'POST', '/api/plans', { token: officer1, body: { creditCode: candidates.shift()!.creditCode, date: inDays(10), trigger: 'superior', reason: '上级交办', officerIds: [me.officerId], itemIds } });
        if (filed.status === 201) return filed.body.id as string;
      }
      return null;
    };
    const moved = await file();
    if (moved) await call(t.app, 'PATCH', `/api/plans/${moved}`, { token: officer1, body: { date: inDays(12) } });
    const cancelled = await file();
    if (cancelled) await call(t.app, 'POST', `/api/plans/${cancelled}/cancel`, { token: officer1, body: { reason: '企业已停业' } });
    // The officer's agency now wants its head's approval: the next plan waits.
    const approval = await call(t.app, 'PATCH', `/api/registry/agencies/${me.agencyId}`, { token: supervisor, body: { planApproval: true } });
    const awaiting = await file();
    const queue = await call(t.app, 'GET', '/api/plans/approvals?page=1&pageSize=10', { token: supervisor });
    await call(t.app, 'PATCH', `/api/registry/agencies/${me.agencyId}`, { token: supervisor, body: { planApproval: false } });
    expect([approval.status, awaiting !== null, queue.body.total, moved !== null, cancelled !== null]).toEqual([200, true, 1, true, true]);

    // A same-industry result of another agency disputed instead of inspected again. The demo city has
    // one agency of each kind: for the request, every agency is made the kind of officer1's.
    const agencyKinds = (await call(t.app, 'GET', '/api/registry/agencies?page=1&pageSize=100', { token: supervisor })).body.items as { id: string; kind: string }[];
    const ownKind = agencyKinds.find((a) => a.id === me.agencyId)!.kind;
    const setKinds = (kindOf: (a: { id: string; kind: string }) => string) =>
      Promise.all(agencyKinds.filter((a) => a.kind !== ownKind).map((a) => call(t.app, 'PATCH', `/api/registry/agencies/${a.id}`, { token: supervisor, body: { kind: kindOf(a) } })));
    await setKinds(() => ownKind);
    let requested = false;
    for (let page = 1; page <= 3 && !requested; page += 1) {
      const some = (await call(t.app, 'GET', `/api/registry/enterprises?page=${page}&pageSize=100`, { token: officer1 })).body.items as { creditCode: string }[];
      for (const enterprise of some) {
        const history = (await call(t.app, 'GET', `/api/plans/half-year-history?creditCode=${enterprise.creditCode}`, { token: officer1 })).body as { inspectionId: string; agencyId: string }[];
        const theirs = history.find((r) => r.agencyId !== me.agencyId);
        if (theirs && (await call(t.app, 'POST', '/api/reviews', { token: officer1, body: { inspectionId: theirs.inspectionId, reason: '群众反映问题未被记录' } })).status === 201) {
          requested = true;
          break;
        }
      }
    }
    await setKinds((a) => a.kind);
    expect(requested).toBe(true);
    const agencies = (await call(t.app, 'GET', '/api/registry/agencies?page=1&pageSize=10', { token: supervisor })).body.items as { id: string }[];
    const industries = (await call(t.app, 'GET', '/api/registry/industries', { token: supervisor })).body as unknown[];
    const industry = industries.map((i) => (typeof i === 'string' ? i : (i as { industry?: string; name?: string }).industry ?? (i as { name?: string }).name)).find(Boolean);
    await call(t.app, 'POST', '/api/joint-scenarios', { token: supervisor, body: { id: 'demo-joint', name: '联合检查场景', industries: [industry], agencyIds: agencies.slice(0, 2).map((a) => a.id) } });

    const cases = (await call(t.app, 'GET', '/api/supervision/cases?pageSize=5&source=rating', { token: supervisor })).body.items as { id: string }[];
    if (cases[0]) {
      await call(t.app, 'POST', `/api/supervision/cases/${cases[0].id}/actions`, { token: supervisor, body: { action: 'investigate' } });
      await call(t.app, 'POST', `/api/supervision/cases/${cases[0].id}/actions`, { token: supervisor, body: { action: 'order-rectification', note: '请于期限内整改并回复' } });
    }
    // Exports with filters, in the audit log the discipline inspectors read.
    await call(t.app, 'GET', '/api/supervision/export/cases?status=active&source=rating&overdue=true', { token: supervisor });
    await call(t.app, 'GET', `/api/registry/exports/officers?active=true&agencyId=${me.agencyId}`, { token: supervisor });
  }

  beforeAll(async () => {
    t = await startTestApp('readable_e2e', { listen: true });
    await loadDemoCity(t.dataSource, testPhoneCipher(), { size: 'tiny', seed: 7 });
    await forgetLoginAttempts(t.app, { accounts: ['officer1', 'officer2', 'supervisor', 'discipline', 'admin1'], addresses: ['127.0.0.1'] });
    // SMS codes asked for from this address are counted per hour beyond a run: start from none.
    const redis = t.app.get<Redis>(REDIS);
    const sent = await redis.keys('port-code-sent:address:*');
    if (sent.length) await redis.del(sent);
    // The demo day through the API, as `npm start` runs it: plans for today, a finished inspection
    // rated badly, the nightly report, two penalty cases, a random draw, a complaint.
    // A plain-JavaScript module of deploy/, imported by a path in a variable so the type check leaves it be.
    const demoDay = '../../../deploy/lib/demo-day.mjs';
    const { setUpDemoDay } = (await import(demoDay)) as { setUpDemoDay: (base: string, log: (line: string) => void) => Promise<void> };
    const lines: string[] = [];
    await setUpDemoDay(t.url, (line) => lines.push(line));
    links.rating = lines.join('\n').match(/https?:\/\/\S+\/r\/\S+/)?.[0];
    links.supervision = lines.join('\n').match(/https?:\/\/\S+\/p\/\S+/)?.[0];

    const officer1 = await login(t.app, 'officer1');
    const supervisor = await login(t.app, 'supervisor');
    const today = await call(t.app, 'GET', '/api/onsite/today', { token: officer1 });
    const coded = (today.body as { id: string; coded: boolean }[]).find((p) => p.coded)!;
    const issued = await call(t.app, 'POST', `/api/plans/${coded.id}/code`, { token: officer1 });
    links.verify = issued.body?.url;
    const enterprises = await call(t.app, 'GET', '/api/registry/enterprises?page=1&pageSize=50', { token: supervisor });
    const mine = (enterprises.body.items as { creditCode: string; name: string; phone: string | null }[]).find((e) => e.phone === '138****8000');
    if (mine) {
      links.enterprise = { creditCode: mine.creditCode, name: mine.name };
      await call(t.app, 'PATCH', `/api/registry/enterprises/${mine.creditCode}`, { token: supervisor, body: { phone: PHONE_NUMBER } });
    }
    await deskJobs(officer1, supervisor);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the check finds raw words and leaves legitimate ASCII alone', () => {
    const kinds = (text: string) => rawWords(text).map((w) => `${w.kind}:${w.word}`);
    expect(kinds('触发方式 trigger: superior')).toEqual(expect.arrayContaining(['key-value:trigger: superior', 'enum-value:superior']));
    expect(kinds('检查人员 ["O1","O2"]')).toContain('json:["O1","O2"]');
    expect(kinds('结果 rectify')).toEqual(['enum-value:rectify']);
    expect(kinds('时间 2026-11-20T08:00:00.000Z')).toEqual(['iso-time:2026-11-20T08:00:00.000Z']);
    expect(kinds('officerIds 与 credit_code')).toEqual(['identifier:officerIds', 'identifier:credit_code']);
    expect(kinds('步骤 checked-in')).toEqual(expect.arrayContaining(['enum-value:checked-in']));
    expect(rawWords('操作人：officer1', { accounts: ['officer1'] }).map((w) => w.kind)).toEqual(['account']);
    // Credit codes, case and plan numbers, masked phones, links and dates are what they are.
    expect(rawWords('91410100MA44XY1234 案号 A1-2026-000123 手机 138****8000 链接 https://x.cn/p/AbCd_9 日期 2026-11-20 14:05 等级 A 导出 Excel')).toEqual([]);
    expect(rawWords('值 ok', { allow: ['ok'] })).toEqual([]);
  });

  it('the console at a desk: every page of the supervisor, the discipline inspector and an agency admin', async () => {
    const context = await browser.newContext(DESK);
    const page = await signIn(context, 'supervisor', '#case-list');
    await page.locator('.case-row').first().waitFor();
    await readable(page, '监督案件');
    // Each flagged case the demo has, one of each source.
    const cases = await call(t.app, 'GET', '/api/supervision/cases?pageSize=100&status=active', { token: await login(t.app, 'supervisor') });
    const bySource = new Map<string, string>();
    for (const item of cases.body.items as { id: string; source: string }[]) if (!bySource.has(item.source)) bySource.set(item.source, item.id);
    expect(bySource.size).toBeGreaterThanOrEqual(3);
    for (const [source, id] of bySource) await check(page, `监督案件 ${source}`, `console/pages/case/index?id=${id}`, '#case-status');

    await check(page, '执法监测', 'console/pages/dashboard/index', '#kpi-open');
    // The demo day asked for last night's report: its findings once it has run.
    const reader = await login(t.app, 'supervisor');
    for (let i = 0; i < 120; i += 1) {
      const runs = await call(t.app, 'GET', '/api/anomaly/runs', { token: reader });
      const list = (Array.isArray(runs.body) ? runs.body : runs.body.items) as { status: string }[];
      if (list.some((r) => r.status === 'completed')) break;
      await page.waitForTimeout(500);
    }
    await check(page, '研判报告', 'console/pages/report/index', '#report-findings .finding');
    await check(page, '预警报告', 'console/pages/warning/index', '#warning-generate');
    await check(page, '裁量基准', 'console/pages/benchmarks/index', '.benchmark-row, #benchmark-list');
    await check(page, '裁量基准 FSL-126', 'console/pages/benchmark/index?clause=FSL-126', '#benchmark-history');
    await check(page, '争议条款', 'console/pages/disputed/index', '#disputed-totals, #disputed-table');
    await check(page, '综合监管场景', 'console/pages/scenarios/index', '.scenario-row');
    await check(page, '异议复查', 'console/pages/review-requests/index', '.review-row');
    for (const register of ['officers', 'items', 'enterprises', 'agencies']) {
      await open(page, `console/pages/registers/index?r=${register}`, '.register-row');
      await page.locator('.register-history').first().click();
      await page.waitForSelector('#register-history-panel .history-line, #register-history-panel', { timeout: 10_000 });
      await page.waitForLoadState('networkidle');
      await readable(page, `名录管理 ${register}`);
    }
    await check(page, '计划审批', 'console/pages/plan-approvals/index', '.approval-row');
    await check(page, '数据导入', 'console/pages/imports/index', '#import-files');
    await check(page, '法制审核', 'console/pages/reviews/index', '#review-list, #review-empty');
    await check(page, '处罚案件', 'console/pages/penalty-cases/index', '#pen-list');
    const penaltyCases = await call(t.app, 'GET', '/api/penalty-cases?page=1&pageSize=20', { token: await login(t.app, 'supervisor') });
    for (const item of (penaltyCases.body.items as { id: string }[]).slice(0, 2)) {
      await check(page, `处罚案件 ${item.id}`, `console/pages/penalty-case/index?id=${item.id}`, '#pen-trail');
    }
    await context.close();

    // The agency admin decides its agency's plans and reads its reviews.
    const admin = await browser.newContext(DESK);
    const admin1 = await signIn(admin, 'admin1', '#case-list');
    await check(admin1, '计划审批（部门负责人）', 'console/pages/plan-approvals/index', '.approval-row');
    await check(admin1, '异议复查（部门）', 'console/pages/review-requests/index', '.review-row');
    await check(admin1, '法制审核（部门）', 'console/pages/reviews/index', '#review-list, #review-empty');
    await admin.close();

    const discipline = await browser.newContext(DESK);
    const audit = await signIn(discipline, 'discipline', '#case-list');
    // The audit log records who by account (the account is what signed in), so it may show them.
    await open(audit, 'console/pages/audit/index', '.audit-row');
    await readable(audit, '审计日志', ACCOUNTS);
    await discipline.close();
  });

  it('the officer on a phone: home, plans, a new plan, scanning, the inspection, penalty cases', async () => {
    const context = await browser.newContext(PHONE);
    const page = await signIn(context, 'officer1', '#home-user');
    await readable(page, '首页');
    await open(page, 'pages/plans/index', '#plan-list');
    await openAll(page, '.plan-history-toggle', '.plan-event');
    await readable(page, '检查计划（含计划记录）');
    await check(page, '新建检查计划', 'pages/plan-new/index', '#plan-trigger');
    await check(page, '扫码入企', 'pages/scan/index', '#check-in');
    await check(page, '行政处罚案件', 'penalty/pages/cases/index', '#pc-list');
    const cases = await call(t.app, 'GET', '/api/penalty-cases?page=1&pageSize=20', { token: await login(t.app, 'officer1') });
    const first = (cases.body.items as { id: string; inspectionId?: string | null }[])[0];
    await check(page, '处罚案件', `penalty/pages/case/index?id=${first.id}`, '.pc-trail, #pc-trail, .case-trail');
    // Filing a case from the inspection that found the violation.
    const one = await call(t.app, 'GET', `/api/penalty-cases/${first.id}`, { token: await login(t.app, 'officer1') });
    await check(page, '立案', `penalty/pages/file/index?inspectionId=${one.body.inspectionId}`, '#file-cause');
    await context.close();

    // The officer who finished the inspection that was rated badly reads it on site.
    const other = await browser.newContext(PHONE);
    const officer2 = await signIn(other, 'officer2', '#home-user');
    const today = await call(t.app, 'GET', '/api/onsite/today', { token: await login(t.app, 'officer2') });
    const finished = (today.body as { id: string; status: string }[]).find((p) => p.status === 'finished')!;
    await open(officer2, `pages/inspection/index?id=${finished.id}`, '#items');
    await officer2.click('#show-trail');
    await officer2.waitForSelector('#trail .trail-entry, #trail [data-seq]', { state: 'attached', timeout: 10_000 });
    await readable(officer2, '现场检查（含全过程留痕）');
    await check(officer2, '检查计划 officer2', 'pages/plans/index', '#plan-list');
    await other.close();
  });

  it('the enterprise on a phone: the code, the rating link, the supervision code, the draws, its own page, a complaint', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    expect(links.verify).toBeTruthy();
    await open(page, new URL(links.verify!).pathname, '#verify-trail-open');
    await page.click('#verify-trail-open');
    await page.waitForSelector('#verify-trail .verify-trail-entry');
    await readable(page, '检查码核验（含检查过程记录）');
    expect(links.rating).toBeTruthy();
    await check(page, '短信评价', new URL(links.rating!).pathname, '#rate-status, #rate-outcomes');
    expect(links.supervision).toBeTruthy();
    await check(page, '监督码', new URL(links.supervision!).pathname, '#penalty-case-no');
    await check(page, '双随机抽查公示', '/h5/enterprise.html#/enterprise/pages/draws/index', '.draws-item');
    await page.click('.draws-item');
    await page.waitForSelector('#draw-commitment');
    await page.waitForLoadState('networkidle');
    await readable(page, '抽查详情');
    await check(page, '码上响应', '/c', '#pc-content');

    // Signed in with the demo enterprise's phone, the code read from the local outbox.
    expect(links.enterprise).toBeTruthy();
    await open(page, '/e', '#ent-credit-code');
    await readable(page, '企业登录');
    await page.fill('#ent-credit-code input', links.enterprise!.creditCode);
    await page.fill('#ent-phone input', PHONE_NUMBER);
    await page.click('#ent-code-send');
    await page.waitForSelector('#ent-code-sent');
    // The outbox lists the newest first.
    const outbox = await call(t.app, 'GET', '/api/sms/outbox', { token: await login(t.app, 'supervisor') });
    const code = /登录验证码为(\d{6})/.exec((outbox.body as { text: string }[]).find((m) => m.text.includes('登录验证码'))?.text ?? '')?.[1];
    await page.fill('#ent-code input', code!);
    await page.click('#ent-submit');
    await page.waitForSelector('.ent-inspection__trail-open');
    await page.waitForLoadState('networkidle');
    // Each button gives way to the trail it opens.
    for (let i = 0; i < 3 && (await page.locator('.ent-inspection__trail-open').count()); i += 1) {
      await page.locator('.ent-inspection__trail-open').first().click();
      await page.waitForSelector(`.ent-trail >> nth=${i}`, { state: 'attached', timeout: 10_000 });
    }
    await page.waitForLoadState('networkidle');
    await readable(page, '企业主页');
    await context.close();
  });
});
