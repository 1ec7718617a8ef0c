/**
 * Authorization matrix: every route of the running app × every kind of caller, asserting who may
 * read and write what, and that nobody reads another agency's records.
 *
 * The routes come from Fastify's own route table, so a new endpoint without an entry in MATRIX
 * fails "every route has an entry". To add one: put `'METHOD /path/:param': [probe, …]` in MATRIX
 * (the key exactly as the failure lists it), where a probe names the request (`path`, `body`,
 * optionally per caller) and what each caller gets: 'ok' (2xx/3xx), 'pass' (past authorization:
 * anything but 401/403/404 and 5xx, e.g. a 400 on a deliberately empty body), 'public' (no login
 * needed: anything but 401/403 and 5xx) or 'deny' (the default: 401 without a login or with only an
 * enterprise's rating token, 403 or 404 with a login or an enterprise session). Give cross-agency reads their own probe on the other agency's record, and lists a
 * `check` that every row belongs to the caller's agency. `enterpriseSession` is the enterprise 老王烩面馆 signed in to its port (phone +
 * SMS code): a token no officer or desk endpoint accepts; its own routes are under /api/enterprise.
 */
import { buildCreditCode, shanghaiDate, type DiscretionBenchmark } from '@mashang/shared';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Redis } from 'ioredis';
import { REDIS } from '../src/infra/redis/redis.module.js';
import { supervisionCodeHash, supervisionCodeKey, supervisionCodeToken } from '../src/modules/cases/supervision-code/supervision-code-token.js';
import { BenchmarkWriter } from '../src/modules/cases/index.js';
import { credentialHash } from '../src/modules/evaluation/rating-token.js';
import { offsiteToken, offsiteTokenHash, offsiteTokenKey } from '../src/modules/offsite/offsite-token.js';
import { forgetPortCodes } from './support/enterprise-port.js';
import { appendTrail, raiseFlag } from './support/trail-and-flags.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

/**
 * `enterprise` holds its SMS rating link's token and sends it as its bearer token everywhere;
 * `enterpriseSession` is the same enterprise signed in to its port.
 */
type Who = 'anonymous' | 'enterprise' | 'enterpriseSession' | 'officer1' | 'admin1' | 'admin2' | 'supervisor' | 'discipline';
const CALLERS: readonly Who[] = ['anonymous', 'enterprise', 'enterpriseSession', 'officer1', 'admin1', 'admin2', 'supervisor', 'discipline'];
type Expect = 'ok' | 'pass' | 'public' | 'deny';

interface Ctx {
  t: TestApp;
  ids: Record<string, string>;
  /** Files a fresh plan for `officer` on a fresh enterprise; answers the plan id. */
  freshPlan(officer: 'officer1' | 'officer2'): Promise<string>;
  /** A fresh flagged case of `agencyId` in `status`; answers its id. */
  freshCase(agencyId: string, status: string): Promise<string>;
  /** A fresh contact of an enterprise (SHOP: the signed-in one); answers its id. */
  freshContact(creditCode: string): Promise<string>;
}
type Dyn<T> = T | ((ctx: Ctx, who: Who) => T | Promise<T>);
interface Probe {
  name: string;
  path: Dyn<string>;
  body?: Dyn<Record<string, unknown> | string>;
  headers?: Record<string, string>;
  expect: Partial<Record<Who, Expect>>;
  /** For lists: what a caller may see of what it got. */
  check?: (who: Who, body: any) => void;
  /** Signs each logged-in caller in anew for this probe: the route ends the session it is called with. */
  freshSession?: true;
}

const LOGGED_IN: Who[] = ['officer1', 'admin1', 'admin2', 'supervisor', 'discipline'];
const every = (kind: Expect, who: Who[] = LOGGED_IN) => Object.fromEntries(who.map((w) => [w, kind])) as Partial<Record<Who, Expect>>;
const publicForAll = every('public', [...CALLERS]);
const inDays = (days: number) => shanghaiDate(Date.now() + days * 86_400_000);
const SHOP = buildCreditCode('92410202', 'MA000601');
const SHOP_PHONE = '13800000601';
const MILL = buildCreditCode('91410200', 'MA000602');
const OWN_AGENCY: Partial<Record<Who, string>> = { officer1: 'A1', admin1: 'A1', admin2: 'A2' };
/** Every row of a list belongs to the caller's agency (overseers see any). */
const ownAgencyOnly = (field: string) => (who: Who, body: any) => {
  const rows: Record<string, unknown>[] = Array.isArray(body) ? body : body.items;
  expect(rows.length).toBeGreaterThan(0);
  if (OWN_AGENCY[who]) expect([...new Set(rows.map((r) => r[field]))]).toEqual([OWN_AGENCY[who]]);
};

/** A discretion benchmark (the fixture's FSL-126 and what the edit and import probes send). */
const AUTHZ_BENCHMARK: Omit<DiscretionBenchmark, 'clause'> = {
  name: '未按规定建立并遵守进货查验记录制度', legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
  factors: [{ id: 'first-offence', label: '初次违法', points: -2 }],
  bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 250_000, max: 1_250_000 }, general: { min: 1_250_000, max: 3_500_000 }, severe: { min: 3_500_000, max: 7_500_000 } },
};

/** Ids the fixture makes, for checks (filled in beforeAll). */
const MATRIX_IDS: Record<string, string> = {};

const MATRIX: Record<string, Probe[]> = {
  // ---- static and documentation
  // The H5 build is served only when the test run has one (npm test builds it).
  ...(process.env.H5_DIR
    ? { 'GET /': [{ name: 'the H5 app', path: '/', expect: publicForAll }], 'GET /*': [{ name: 'H5 files', path: '/h5/index.html', expect: publicForAll }] }
    : {}),
  'GET /api/docs': [{ name: 'API docs', path: '/api/docs', expect: publicForAll }],
  'GET /api/docs/': [{ name: 'API docs', path: '/api/docs/', expect: publicForAll }],
  'GET /api/docs/*': [{ name: 'API docs assets', path: '/api/docs/swagger-ui.css', expect: publicForAll }],
  'GET /api/docs/index.html': [{ name: 'API docs', path: '/api/docs/index.html', expect: publicForAll }],
  'GET /api/docs/LICENSE': [{ name: 'API docs', path: '/api/docs/LICENSE', expect: publicForAll }],
  'GET /api/docs/swagger-ui-init.js': [{ name: 'API docs', path: '/api/docs/swagger-ui-init.js', expect: publicForAll }],
  'GET /api/docs/docs/swagger-ui-init.js': [{ name: 'API docs', path: '/api/docs/docs/swagger-ui-init.js', expect: publicForAll }],
  'GET /api/docs-json': [{ name: 'OpenAPI', path: '/api/docs-json', expect: publicForAll }],
  'GET /api/docs-yaml': [{ name: 'OpenAPI', path: '/api/docs-yaml', expect: publicForAll }],
  'GET /api/health': [{ name: 'health', path: '/api/health', expect: publicForAll }],

  // ---- auth
  'POST /api/auth/login': [{ name: 'login', path: '/api/auth/login', body: { username: 'officer1', password: 'demo1234' }, expect: every('ok', [...CALLERS]) }],
  'POST /api/auth/wechat': [{ name: 'WeChat login (empty body)', path: '/api/auth/wechat', body: {}, expect: publicForAll }],
  'GET /api/auth/me': [{ name: 'me', path: '/api/auth/me', expect: every('ok') }],
  'POST /api/auth/logout': [{ name: 'logout', path: '/api/auth/logout', body: {}, freshSession: true, expect: every('ok') }],
  // Each caller its own password only: past authorization, the empty form is refused.
  'POST /api/auth/password': [{ name: 'own password (empty form)', path: '/api/auth/password', body: {}, expect: every('pass') }],
  // Accounts: supervisors deactivate and reactivate them.
  'PATCH /api/users/:id': [{
    name: 'reactivate officer2',
    path: async (ctx) => `/api/users/${(await ctx.t.dataSource.query("SELECT id FROM users WHERE username = 'officer2'"))[0].id}`,
    body: { active: true },
    expect: { supervisor: 'ok' },
  }],

  // ---- registers: lists scoped to the caller's agency; edits by the agency's admin or the supervisor
  'GET /api/registry/agencies': [{ name: 'list', path: '/api/registry/agencies', expect: every('ok'), check: ownAgencyOnly('id') }],
  'POST /api/registry/agencies': [{ name: 'create', path: '/api/registry/agencies', body: (_, who) => ({ id: `AZ-${who}`, name: '新部门', kind: 'market', region: '410202' }), expect: { supervisor: 'ok' } }],
  'GET /api/registry/agencies/:id': [
    { name: 'own (A1)', path: '/api/registry/agencies/A1', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'other (A2)', path: '/api/registry/agencies/A2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'PATCH /api/registry/agencies/:id': [{ name: 'rename A2', path: '/api/registry/agencies/A2', body: { name: '市消防救援支队' }, expect: { supervisor: 'ok' } }],
  'GET /api/registry/agencies/:id/history': [
    { name: 'A1', path: '/api/registry/agencies/A1/history', expect: { admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'A2', path: '/api/registry/agencies/A2/history', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/registry/officers': [{ name: 'list', path: '/api/registry/officers', expect: every('ok'), check: ownAgencyOnly('agencyId') }],
  'POST /api/registry/officers': [
    { name: 'into A1', path: '/api/registry/officers', body: (_, who) => ({ id: `OA-${who}`, agencyId: 'A1', name: '新人', certNo: `C-A-${who}` }), expect: { admin1: 'ok', supervisor: 'ok' } },
    { name: 'into A2', path: '/api/registry/officers', body: (_, who) => ({ id: `OB-${who}`, agencyId: 'A2', name: '新人', certNo: `C-B-${who}` }), expect: { admin2: 'ok', supervisor: 'ok' } },
  ],
  'GET /api/registry/officers/:id': [
    { name: 'O1 (A1)', path: '/api/registry/officers/O1', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'O2 (A2)', path: '/api/registry/officers/O2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'PATCH /api/registry/officers/:id': [{ name: 'O2 (A2)', path: '/api/registry/officers/O2', body: { name: '李娜' }, expect: { admin2: 'ok', supervisor: 'ok' } }],
  'GET /api/registry/officers/:id/history': [{ name: 'O2 (A2)', path: '/api/registry/officers/O2/history', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/registry/items': [{ name: 'list', path: '/api/registry/items', expect: every('ok'), check: ownAgencyOnly('agencyId') }],
  'POST /api/registry/items': [
    { name: 'into A2', path: '/api/registry/items', body: (_, who) => ({ id: `IB-${who}`, agencyId: 'A2', name: '消防检查', basis: '消防法' }), expect: { admin2: 'ok', supervisor: 'ok' } },
  ],
  'GET /api/registry/items/:id': [
    { name: 'I1 (A1)', path: '/api/registry/items/I1', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'I2 (A2)', path: '/api/registry/items/I2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  // 三色清单: an agency admin keeps its own agency's; supervisors any; discipline reads.
  'GET /api/registry/violation-colours': [{ name: 'A2', path: '/api/registry/violation-colours?agencyId=A2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'PUT /api/registry/violation-colours': [
    { name: 'A2', path: '/api/registry/violation-colours', body: { agencyId: 'A2', changes: [{ itemId: 'I2', colour: 'yellow', rectifyDays: 10 }] }, expect: { admin2: 'ok', supervisor: 'ok' } },
  ],
  'GET /api/registry/violation-colours/history': [{ name: 'A2', path: '/api/registry/violation-colours/history?agencyId=A2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'PATCH /api/registry/items/:id': [{ name: 'I2 (A2)', path: '/api/registry/items/I2', body: { name: '消防设施检查' }, expect: { admin2: 'ok', supervisor: 'ok' } }],
  'GET /api/registry/items/:id/history': [{ name: 'I2 (A2)', path: '/api/registry/items/I2/history', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  // The enterprise register is shared by every agency.
  'GET /api/registry/enterprises': [{ name: 'list', path: '/api/registry/enterprises', expect: every('ok') }],
  'POST /api/registry/enterprises': [
    { name: 'create', path: '/api/registry/enterprises', body: (_, who) => ({ creditCode: buildCreditCode('92410202', `MB${String(CALLERS.indexOf(who)).padStart(6, '0')}`), name: '新企业', industry: 'catering', region: '410202', creditGrade: 'B' }), expect: { supervisor: 'ok' } },
  ],
  'GET /api/registry/exports/:register': [
    { name: 'officers (own agency for admins)', path: '/api/registry/exports/officers', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: "A2's officers", path: '/api/registry/exports/officers?agencyId=A2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/registry/industries': [{ name: 'industries', path: '/api/registry/industries', expect: every('ok') }],
  'GET /api/registry/enterprises/:creditCode': [{ name: 'one', path: `/api/registry/enterprises/${SHOP}`, expect: every('ok') }],
  'PATCH /api/registry/enterprises/:creditCode': [{ name: 'grade', path: `/api/registry/enterprises/${SHOP}`, body: { creditGrade: 'C' }, expect: { supervisor: 'ok' } }],
  'GET /api/registry/enterprises/:creditCode/history': [{ name: 'history', path: `/api/registry/enterprises/${SHOP}/history`, expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],

  // ---- exchange (data import/export): the supervisor's
  'POST /api/exchange/imports': [{ name: 'create', path: '/api/exchange/imports', body: {}, expect: { supervisor: 'ok' } }],
  'PUT /api/exchange/imports/:id/files/:kind': [
    {
      name: 'upload', path: async (ctx) => `/api/exchange/imports/${ctx.ids.import}/files/agencies`, body: '{"id":"A9","name":"新部门","kind":"market","region":"410202"}\n',
      headers: { 'content-type': 'application/x-ndjson' }, expect: { supervisor: 'ok' },
    },
  ],
  'POST /api/exchange/imports/:id/run': [{ name: 'run (nothing uploaded)', path: async (ctx) => `/api/exchange/imports/${ctx.ids.emptyImport}/run`, body: {}, expect: { supervisor: 'pass' } }],
  'GET /api/exchange/imports/:id': [{ name: 'status', path: async (ctx) => `/api/exchange/imports/${ctx.ids.import}`, expect: { supervisor: 'ok' } }],
  'GET /api/exchange/export/:kind': [
    { name: 'export (phones masked)', path: '/api/exchange/export/agencies', expect: { supervisor: 'ok' } },
    { name: 'export in clear, with a purpose', path: `/api/exchange/export/officers?unmasked=true&purpose=${encodeURIComponent('与省平台核对执法人员名单')}`, expect: { supervisor: 'ok' } },
    { name: 'export in clear without a purpose (refused)', path: '/api/exchange/export/officers?unmasked=true', expect: { supervisor: 'pass' } },
  ],

  // ---- plans and codes
  'POST /api/plans': [{ name: 'file (empty body)', path: '/api/plans', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'POST /api/plans/accompany': [{ name: 'accompany (empty body)', path: '/api/plans/accompany', body: {}, expect: { officer1: 'pass' } }],
  'GET /api/plans': [{ name: 'list', path: '/api/plans', expect: every('ok'), check: ownAgencyOnly('agencyId') }],
  'GET /api/plans/half-year-history': [{ name: 'history', path: `/api/plans/half-year-history?creditCode=${SHOP}`, expect: { officer1: 'ok', admin1: 'ok', admin2: 'ok' } }],
  'GET /api/plans/:id': [
    { name: 'A1 plan', path: (ctx) => `/api/plans/${ctx.ids.planA1}`, expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'A2 plan', path: (ctx) => `/api/plans/${ctx.ids.planA2}`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'PATCH /api/plans/:id': [
    { name: 'move an A2 plan', path: async (ctx, who) => `/api/plans/${who === 'admin2' ? await ctx.freshPlan('officer2') : ctx.ids.planA2}`, body: { date: inDays(11) }, expect: { admin2: 'ok' } },
  ],
  'POST /api/plans/:id/cancel': [
    { name: 'cancel an A2 plan', path: async (ctx, who) => `/api/plans/${who === 'admin2' ? await ctx.freshPlan('officer2') : ctx.ids.planA2}/cancel`, body: { reason: '企业已停业' }, expect: { admin2: 'ok' } },
  ],
  'POST /api/plans/:id/code': [{ name: 'A2 plan', path: (ctx) => `/api/plans/${ctx.ids.planA2}/code`, body: {}, expect: { admin2: 'ok' } }],
  'GET /api/plans/approvals': [{ name: 'approval queue', path: '/api/plans/approvals', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'POST /api/plans/:id/approval': [
    { name: 'decide (empty body)', path: (ctx) => `/api/plans/${ctx.ids.planA1}/approval`, body: {}, expect: { admin1: 'pass', admin2: 'pass' } },
    // A1 requires no approval: its admin is answered 409; another agency's admin is refused.
    { name: "decide on A1's plan", path: (ctx) => `/api/plans/${ctx.ids.planA1}/approval`, body: { approve: true }, expect: { admin1: 'pass' } },
  ],
  'GET /api/plans/:id/enterprise-slots': [
    { name: 'A1 plan', path: '/api/plans/PN1/enterprise-slots', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'A2 plan', path: (ctx) => `/api/plans/${ctx.ids.planA2}/enterprise-slots`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/plans/:id/history': [{ name: 'A2 plan', path: (ctx) => `/api/plans/${ctx.ids.planA2}/history`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  // What the enterprise at the door scans: public by design.
  'GET /api/codes/:token': [{ name: 'check', path: (ctx) => `/api/codes/${ctx.ids.token}`, expect: every('ok', [...CALLERS]) }],
  'GET /api/codes/:token/checklist': [{ name: 'checklist by code', path: (ctx) => `/api/codes/${ctx.ids.token}/checklist`, expect: every('ok', [...CALLERS]) }],
  'GET /api/codes/:token/trail': [{ name: 'trail by code', path: (ctx) => `/api/codes/${ctx.ids.token}/trail`, expect: every('ok', [...CALLERS]) }],
  'GET /v/:token': [{ name: 'short link', path: (ctx) => `/v/${ctx.ids.token}`, expect: every('ok', [...CALLERS]) }],
  'GET /api/joint-scenarios': [{ name: 'list', path: '/api/joint-scenarios', expect: every('ok') }],
  'POST /api/joint-scenarios': [{ name: 'create', path: '/api/joint-scenarios', body: (_, who) => ({ id: `s-${who}`, name: '场景', industries: ['x'], agencyIds: ['A1', 'A2'] }), expect: { supervisor: 'ok' } }],
  'PATCH /api/joint-scenarios/:id': [{ name: 'edit', path: '/api/joint-scenarios/catering', body: { name: '餐饮店联合检查' }, expect: { supervisor: 'ok' } }],

  // ---- review requests (异议复查)
  'POST /api/reviews': [{ name: 'request (empty body)', path: '/api/reviews', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'GET /api/reviews': [
    {
      name: 'list', path: '/api/reviews', expect: every('ok'),
      check: (who, body) => {
        const own = OWN_AGENCY[who];
        if (own) for (const r of body.items) expect([r.agencyId, r.inspectedByAgencyId]).toContain(own);
        expect(body.items.length).toBe(own === 'A1' ? 1 : 2);
      },
    },
    {
      name: 'pending only', path: '/api/reviews?status=pending', expect: every('ok'),
      check: (who, body) => {
        const own = OWN_AGENCY[who];
        if (own) for (const r of body.items) expect([r.agencyId, r.inspectedByAgencyId]).toContain(own);
        for (const r of body.items) expect(r.status).toBe('pending');
      },
    },
  ],
  'GET /api/reviews/:id': [
    { name: 'between A1 and A2', path: (ctx) => `/api/reviews/${ctx.ids.reviewA1A2}`, expect: every('ok') },
    { name: 'A2 only', path: (ctx) => `/api/reviews/${ctx.ids.reviewA2}`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'POST /api/reviews/:id/decision': [{ name: 'decide', path: (ctx) => `/api/reviews/${ctx.ids.reviewA2}/decision`, body: { accept: false, note: '维持原检查结果' }, expect: { supervisor: 'ok' } }],

  // ---- on site: officers of the plan's agency; reads by the agency, supervisors and discipline
  'GET /api/onsite/today': [{ name: 'today', path: '/api/onsite/today', expect: { officer1: 'ok' } }],
  'POST /api/onsite/check-in': [{ name: 'check in (empty body)', path: '/api/onsite/check-in', body: {}, expect: { officer1: 'pass' } }],
  'GET /api/onsite/inspections/:id': [
    { name: 'A1 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA1}`, expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'A2 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA2}`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/onsite/inspections/:id/checklist': [
    { name: 'A1 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA1}/checklist`, expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'A2 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA2}/checklist`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/onsite/follow-ups': [{ name: 'due', path: '/api/onsite/follow-ups', expect: { officer1: 'ok', admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  // An A1 officer gets past authorization (then refused: nothing of the plan is due); others never.
  'POST /api/onsite/follow-ups': [
    { name: 'A1 plan', path: '/api/onsite/follow-ups', body: (ctx) => ({ planId: ctx.ids.planA1, itemId: 'I1', rectified: true, clientKey: 'authz-follow-up-1' }), expect: { officer1: 'pass' } },
    { name: 'A2 plan', path: '/api/onsite/follow-ups', body: (ctx) => ({ planId: ctx.ids.planA2, itemId: 'I2', rectified: true, clientKey: 'authz-follow-up-2' }), expect: {} },
  ],
  // An A1 officer gets past authorization on its own plan (then refused: not checked in yet), never on A2's.
  'POST /api/onsite/inspections/:id/findings': [
    { name: 'A1 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA1}/findings`, body: { itemId: 'I1', outcome: 'pass', clientKey: 'authz-finding-1' }, expect: { officer1: 'pass' } },
    { name: 'A2 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA2}/findings`, body: { itemId: 'I2', outcome: 'pass', clientKey: 'authz-finding-2' }, expect: {} },
  ],
  'POST /api/onsite/inspections/:id/finish': [
    { name: 'A1 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA1}/finish`, body: { clientKey: 'authz-finish-1' }, expect: { officer1: 'pass' } },
    { name: 'A2 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA2}/finish`, body: { clientKey: 'authz-finish-2' }, expect: {} },
  ],
  'POST /api/onsite/inspections/:id/documents': [
    { name: 'A1 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA1}/documents?kind=record&title=x&clientKey=authz-doc-1`, body: {}, expect: { officer1: 'pass' } },
    { name: 'A2 plan', path: (ctx) => `/api/onsite/inspections/${ctx.ids.planA2}/documents?kind=record&title=x&clientKey=authz-doc-2`, body: {}, expect: {} },
  ],
  'GET /api/onsite/documents/:id': [
    { name: 'A1 document', path: '/api/onsite/documents/DOC-A1', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'A2 document', path: '/api/onsite/documents/DOC-A2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'POST /api/onsite/sync': [{ name: 'sync (empty body)', path: '/api/onsite/sync', body: {}, expect: { officer1: 'pass' } }],
  'GET /api/inspections/:id/trail': [
    { name: 'A1 inspection', path: '/api/inspections/X1/trail', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'A2 inspection', path: '/api/inspections/X2/trail', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/inspections/:id/trail/verify': [{ name: 'A2 inspection', path: '/api/inspections/X2/trail/verify', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],

  // ---- nightly report (大数据研判): supervisors and discipline; an agency admin its own agency's part
  'GET /api/anomaly/rules': [{ name: 'rules', path: '/api/anomaly/rules', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/anomaly/runs': [{ name: 'runs', path: '/api/anomaly/runs', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'POST /api/anomaly/runs': [{ name: 'run a date', path: '/api/anomaly/runs', body: (ctx) => ({ asOf: ctx.ids.asOf }), expect: { supervisor: 'ok' } }],
  'GET /api/anomaly/runs/:asOf': [{ name: 'one run', path: (ctx) => `/api/anomaly/runs/${ctx.ids.asOf}`, expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/anomaly/reports/:asOf': [
    {
      name: 'summary', path: (ctx) => `/api/anomaly/reports/${ctx.ids.asOf}`, expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' },
      check: (who, body) => {
        if (OWN_AGENCY[who]) expect(body.byAgency.every((a: { agencyId: string }) => a.agencyId === OWN_AGENCY[who])).toBe(true);
      },
    },
  ],
  'GET /api/anomaly/reports/:asOf/findings': [
    {
      name: 'findings', path: (ctx) => `/api/anomaly/reports/${ctx.ids.asOf}/findings`, expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' },
      check: (who, body) => {
        if (OWN_AGENCY[who]) expect(body.items.every((f: { agencyId: string }) => f.agencyId === OWN_AGENCY[who])).toBe(true);
      },
    },
    { name: 'another agency asked for', path: (ctx) => `/api/anomaly/reports/${ctx.ids.asOf}/findings?agencyId=A2`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/anomaly/reports/:asOf/findings/export': [
    { name: 'export', path: (ctx) => `/api/anomaly/reports/${ctx.ids.asOf}/findings/export`, expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/anomaly/reports/:asOf/file': [{ name: 'report file', path: (ctx) => `/api/anomaly/reports/${ctx.ids.asOf}/file`, expect: { supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/anomaly/warnings': [{ name: 'early-warning years', path: '/api/anomaly/warnings', expect: { supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/anomaly/warnings/:year': [{ name: 'early warning', path: '/api/anomaly/warnings/2025', expect: { supervisor: 'ok', discipline: 'ok' } }],
  'POST /api/anomaly/warnings/:year': [{ name: 'write a year', path: '/api/anomaly/warnings/2025', body: {}, expect: { supervisor: 'ok' } }],
  'GET /api/anomaly/warnings/:year/export': [{ name: 'early warning as Excel', path: '/api/anomaly/warnings/2025/export', expect: { supervisor: 'ok', discipline: 'ok' } }],

  // ---- discretion benchmarks (裁量基准): kept by supervisors; read by the desks, and by officers (not their history or the file)
  'GET /api/discretion-benchmarks': [{ name: 'list', path: '/api/discretion-benchmarks', expect: every('ok'), check: (_, body) => expect(body.items.length).toBeGreaterThan(0) }],
  'GET /api/discretion-benchmarks/:clause': [{ name: 'one clause', path: '/api/discretion-benchmarks/FSL-126', expect: every('ok') }],
  'PUT /api/discretion-benchmarks/:clause': [{ name: 'edit', path: '/api/discretion-benchmarks/FSL-126', body: AUTHZ_BENCHMARK, expect: { supervisor: 'ok' } }],
  'GET /api/discretion-benchmarks/:clause/history': [{ name: 'history', path: '/api/discretion-benchmarks/FSL-126/history', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/discretion-benchmarks/export': [{ name: 'JSON Lines', path: '/api/discretion-benchmarks/export', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'POST /api/discretion-benchmarks/import': [{
    name: 'import a line', path: '/api/discretion-benchmarks/import', body: `${JSON.stringify({ clause: 'PRL-42', ...AUTHZ_BENCHMARK })}\n`,
    headers: { 'content-type': 'application/x-ndjson' }, expect: { supervisor: 'ok' },
  }],

  // ---- penalty reports: supervisors and discipline every agency (or one), an agency admin its own
  'GET /api/penalty-reports/disputed-clauses': [
    { name: 'disputed clauses', path: '/api/penalty-reports/disputed-clauses', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' }, check: (who, body) => expect(body.agencyId).toBe(OWN_AGENCY[who] ?? null) },
    { name: 'another agency asked for', path: '/api/penalty-reports/disputed-clauses?agencyId=A2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' }, check: (_, body) => expect(body.agencyId).toBe('A2') },
  ],
  'GET /api/penalty-reports/disputed-clauses/export': [
    { name: 'as Excel', path: '/api/penalty-reports/disputed-clauses/export', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'another agency as Excel', path: '/api/penalty-reports/disputed-clauses/export?agencyId=A2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],

  // ---- SMS ratings (企业评): the enterprise's link is its credential
  'GET /api/ratings/invites': [{ name: 'invites', path: '/api/ratings/invites', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/ratings/invites/:credential': [{ name: 'rating page (unknown link)', path: `/api/ratings/invites/${'Q'.repeat(22)}`, expect: publicForAll }],
  'POST /api/ratings/invites/:credential': [{ name: 'rate (empty body)', path: `/api/ratings/invites/${'Q'.repeat(22)}`, body: {}, expect: publicForAll }],
  // Supervisors only: each message holds a rating link, and an agency must not rate its own inspection.
  'GET /api/sms/outbox': [{ name: 'outbox', path: '/api/sms/outbox', expect: { supervisor: 'ok' } }],

  // ---- special campaigns (专项检查): agency admins and supervisors draft, supervisors decide; anyone reads the published
  'GET /api/campaigns': [{ name: 'campaign list', path: '/api/campaigns', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/campaigns/joinable': [{ name: 'campaigns to file under', path: '/api/campaigns/joinable', expect: { officer1: 'ok', admin1: 'ok', admin2: 'ok' } }],
  'GET /api/campaigns/agencies': [{ name: 'agencies to join', path: '/api/campaigns/agencies', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok' } }],
  'POST /api/campaigns': [{ name: 'draft (empty body)', path: '/api/campaigns', body: {}, expect: { admin1: 'pass', admin2: 'pass', supervisor: 'pass' } }],
  // A draft is its agency admin's and the overseers'; the joining agency and officers read it once published.
  'GET /api/campaigns/:id': [{ name: "A1's draft", path: '/api/campaigns/C1', expect: { admin1: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'PUT /api/campaigns/:id': [{ name: 'edit (empty body)', path: '/api/campaigns/C1', body: {}, expect: { admin1: 'pass', admin2: 'pass', supervisor: 'pass' } }],
  'POST /api/campaigns/:id/submit': [{ name: "submit A1's draft", path: '/api/campaigns/C1/submit', body: {}, expect: { admin1: 'pass' } }],
  'POST /api/campaigns/:id/decision': [{ name: 'decide (empty body)', path: '/api/campaigns/C1/decision', body: {}, expect: { supervisor: 'pass' } }],
  // Not approved: its drafter and the supervisors get 409.
  'POST /api/campaigns/:id/publish': [{ name: "publish A1's campaign", path: '/api/campaigns/C1/publish', body: {}, expect: { admin1: 'pass', supervisor: 'pass' } }],
  'GET /api/public/campaigns': [{ name: 'published campaigns', path: '/api/public/campaigns', expect: publicForAll }],
  'GET /api/plans/campaign-progress': [{ name: 'campaign progress', path: '/api/plans/campaign-progress?ids=C1', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  // ---- random draws (双随机一公开): admins commit and draw their agency's; anyone reads
  'POST /api/draws': [{ name: 'commit (empty body)', path: '/api/draws', body: {}, expect: { admin1: 'pass', admin2: 'pass', supervisor: 'pass' } }],
  'POST /api/draws/:id/draw': [{ name: 'draw (bad entropy)', path: '/api/draws/D1/draw', body: { publicEntropy: 7 }, expect: { admin1: 'pass', admin2: 'pass', supervisor: 'pass' } }],
  'POST /api/draws/conflicts': [{ name: 'declare a conflict (empty body)', path: '/api/draws/conflicts', body: {}, expect: { admin1: 'pass', admin2: 'pass' } }],
  'GET /api/public/draws': [{ name: 'published draws', path: '/api/public/draws', expect: publicForAll }],
  'GET /api/public/draws/:id': [{ name: 'one draw (unknown)', path: '/api/public/draws/D1', expect: publicForAll }],
  // ---- penalty cases (行政处罚): the agency's officers and admins act; overseers read; reviewers review
  'POST /api/penalty-cases': [{ name: 'file (empty body)', path: '/api/penalty-cases', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'GET /api/penalty-cases': [{ name: 'list', path: '/api/penalty-cases', expect: every('ok'), check: ownAgencyOnly('agencyId') }],
  'GET /api/penalty-cases/reviews': [{ name: 'review queue', path: '/api/penalty-cases/reviews', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok' } }],
  'POST /api/penalty-cases/reviews/:reviewId': [{ name: 'verdict (empty body)', path: '/api/penalty-cases/reviews/LR1', body: {}, expect: { admin1: 'pass', admin2: 'pass', supervisor: 'pass' } }],
  'POST /api/penalty-cases/coercive-measures/:measureId/extend': [{ name: 'extend (empty body)', path: '/api/penalty-cases/coercive-measures/CM1/extend', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'POST /api/penalty-cases/coercive-measures/:measureId/release': [{ name: 'release (empty body)', path: '/api/penalty-cases/coercive-measures/CM1/release', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'GET /api/penalty-cases/:id': [
    { name: 'own case', path: '/api/penalty-cases/PC1', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'the other agency case', path: '/api/penalty-cases/PC2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/penalty-cases/:id/trail': [{ name: 'case trail', path: '/api/penalty-cases/PC1/trail', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'POST /api/penalty-cases/:id/notice': [{ name: 'notice (empty body)', path: '/api/penalty-cases/PC1/notice', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'POST /api/penalty-cases/:id/decision': [{ name: 'decide (empty body)', path: '/api/penalty-cases/PC1/decision', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'POST /api/penalty-cases/:id/close': [{ name: 'close (empty body)', path: '/api/penalty-cases/PC1/close', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'POST /api/penalty-cases/:id/revoke': [{ name: 'revoke (empty body)', path: '/api/penalty-cases/PC1/revoke', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'POST /api/penalty-cases/:id/cause': [{ name: 'change cause (empty body)', path: '/api/penalty-cases/PC1/cause', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  'POST /api/penalty-cases/:id/coercive-measures': [{ name: 'seize (empty body)', path: '/api/penalty-cases/PC1/coercive-measures', body: {}, expect: { officer1: 'pass', admin1: 'pass', admin2: 'pass' } }],
  // Provider callbacks: no login, checked by the callback token when one is configured.
  'POST /api/sms/receipts/aliyun': [{ name: 'receipt', path: '/api/sms/receipts/aliyun', body: '[]', headers: { 'content-type': 'application/json' }, expect: publicForAll }],
  'POST /api/sms/receipts/tencent': [{ name: 'receipt', path: '/api/sms/receipts/tencent', body: '[]', headers: { 'content-type': 'application/json' }, expect: publicForAll }],
  'GET /r': [{ name: 'rating short link', path: '/r', expect: every('ok', [...CALLERS]) }],
  'GET /r/:token': [{ name: 'rating short link', path: `/r/${'Q'.repeat(22)}`, expect: every('ok', [...CALLERS]) }],
  'GET /api/supervision/outcomes/:token': [
    { name: 'complaint outcome (unknown link)', path: `/api/supervision/outcomes/${'Q'.repeat(22)}`, expect: publicForAll },
    {
      name: 'the enterprise’s own complaint', path: (ctx) => `/api/supervision/outcomes/${ctx.ids.ratingToken}`, expect: every('ok', [...CALLERS]),
      check: (_, body) => expect(body.map((o: { caseId: string }) => o.caseId)).toEqual([MATRIX_IDS.caseA1]),
    },
  ],

  // ---- the supervision code (监督码) on a penalty notice: the party holds it, no login; the code is the credential
  'GET /api/penalty-codes/:token': [
    { name: 'noticed case', path: (ctx) => `/api/penalty-codes/${ctx.ids.penaltyToken}`, expect: every('ok', [...CALLERS]) },
    { name: 'unknown code', path: `/api/penalty-codes/${'Q'.repeat(22)}`, expect: publicForAll },
  ],
  'POST /api/penalty-codes/:token/submissions': [
    // Each caller on a case of its own: a case takes only a few statements.
    { name: 'statement', path: async (ctx) => `/api/penalty-codes/${await noticedCase(ctx)}/submissions`, body: { kind: 'statement', text: '已整改' }, expect: every('ok', [...CALLERS]) },
    { name: 'empty body', path: (ctx) => `/api/penalty-codes/${ctx.ids.penaltyToken}/submissions`, body: {}, expect: publicForAll },
  ],
  'GET /p/:token': [{ name: 'supervision code short link', path: (ctx) => `/p/${ctx.ids.penaltyToken}`, expect: every('ok', [...CALLERS]) }],
  // ---- the enterprise's port (企业端): sign-in is public (throttled); the rest is the signed-in enterprise's alone
  'POST /api/enterprise/sign-in/code': [{ name: 'a code (for a phone not on file: answered alike)', path: '/api/enterprise/sign-in/code', body: { creditCode: SHOP, phone: '13600000699' }, expect: publicForAll }],
  'POST /api/enterprise/sign-in': [{ name: 'sign in (empty form)', path: '/api/enterprise/sign-in', body: {}, expect: publicForAll }],
  'POST /api/enterprise/wechat': [{ name: 'WeChat sign-in (empty form)', path: '/api/enterprise/wechat', body: {}, expect: publicForAll }],
  'GET /e': [{ name: 'the port\'s short link', path: '/e', expect: every('ok', [...CALLERS]) }],
  'GET /c': [{ name: '码上响应\'s short link', path: '/c', expect: every('ok', [...CALLERS]) }],
  'GET /api/enterprise/me': [{ name: 'who is signed in', path: '/api/enterprise/me', expect: { enterpriseSession: 'ok' } }],
  'POST /api/enterprise/sign-out': [{ name: 'sign out', path: '/api/enterprise/sign-out', body: {}, freshSession: true, expect: { enterpriseSession: 'ok' } }],
  'GET /api/enterprise/contacts': [{
    name: 'its contacts', path: '/api/enterprise/contacts', expect: { enterpriseSession: 'ok' },
    check: (_, body) => expect(body.every((c: { phone: string }) => /^\d{3}\*{4}\d{4}$/.test(c.phone))).toBe(true),
  }],
  'POST /api/enterprise/contacts': [{ name: 'add a contact', path: '/api/enterprise/contacts', body: { phone: '13700000601', title: '财务' }, expect: { enterpriseSession: 'ok' } }],
  'GET /api/enterprise/inspections': [{
    name: 'its inspections', path: '/api/enterprise/inspections', expect: { enterpriseSession: 'ok' },
    check: (_, body) => expect(body.items.map((i: { id: string }) => i.id)).toEqual(['X1']),
  }],
  'GET /api/enterprise/inspections/:id/trail': [
    { name: 'its own inspection', path: '/api/enterprise/inspections/X1/trail', expect: { enterpriseSession: 'ok' } },
    { name: 'another enterprise\'s inspection', path: '/api/enterprise/inspections/X2/trail', expect: {} },
  ],
  'GET /api/enterprise/booklet': [{ name: 'its own booklet (PDF)', path: '/api/enterprise/booklet', expect: { enterpriseSession: 'ok' } }],
  'GET /api/booklets/:creditCode': [{ name: 'an enterprise\'s booklet to print', path: `/api/booklets/${SHOP}`, expect: every('ok') }],
  'GET /api/enterprise/penalty-cases': [{
    name: 'its penalty cases', path: '/api/enterprise/penalty-cases', expect: { enterpriseSession: 'ok' },
    // Its own cases only (the supervision-code probes file more on it): PC1 among them, never the mill's PC2.
    check: (_, body) => {
      const ids = body.map((c: { id: string }) => c.id);
      expect(ids).toContain('PC1');
      expect(ids).not.toContain('PC2');
    },
  }],
  'POST /api/enterprise/complaints': [{ name: 'complain about its inspection', path: '/api/enterprise/complaints', body: { content: '检查人员态度粗暴（权限测试）', inspectionId: 'X1' }, expect: { enterpriseSession: 'ok' } }],
  'GET /api/enterprise/complaints': [{
    name: 'its complaints', path: '/api/enterprise/complaints', expect: { enterpriseSession: 'ok' },
    check: (_, body) => expect(body.length).toBeGreaterThan(0),
  }],
  // 码上响应 without signing in: public (throttled); the hotline import is the supervisors'.
  'POST /api/complaints/code': [{ name: 'a code for the contact phone', path: '/api/complaints/code', body: { creditCode: SHOP, phone: '13600000698' }, expect: publicForAll }],
  'POST /api/complaints': [{ name: 'complain (empty form)', path: '/api/complaints', body: {}, expect: publicForAll }],
  'POST /api/complaints/hotline': [{
    name: '12345 tickets', path: '/api/complaints/hotline', headers: { 'content-type': 'application/x-ndjson' },
    body: JSON.stringify({ ticketNo: 'AUTHZ0001', receivedAt: new Date(Date.now() - 60_000).toISOString(), creditCode: SHOP, phone: '13600000697', content: '权限测试工单' }),
    expect: { supervisor: 'ok' },
  }],
  'GET /api/enterprise/notices': [{
    name: 'its inspections announced ahead', path: '/api/enterprise/notices', expect: { enterpriseSession: 'ok' },
    check: (_, body) => expect(body.map((n: { id: string }) => n.id)).toEqual(['PN1']),
  }],
  'GET /api/enterprise/visits': [{ name: 'its visits (回访、服务走访)', path: '/api/enterprise/visits', expect: { enterpriseSession: 'ok' } }],
  'GET /api/enterprise/visit-counts': [{ name: 'how often it was visited', path: '/api/enterprise/visit-counts', expect: { enterpriseSession: 'ok' } }],
  'PUT /api/enterprise/notices/:id/slots': [
    { name: 'half-days for its inspection', path: '/api/enterprise/notices/PN1/slots', body: { slots: [{ date: inDays(3), half: 'am' }] }, expect: { enterpriseSession: 'ok' } },
    { name: 'another enterprise\'s inspection', path: (ctx) => `/api/enterprise/notices/${ctx.ids.planA2}/slots`, body: { slots: [] }, expect: {} },
  ],
  'POST /api/enterprise/contacts/:id/remove': [
    { name: 'remove its own contact', path: async (ctx) => `/api/enterprise/contacts/${await ctx.freshContact(SHOP)}/remove`, body: {}, expect: { enterpriseSession: 'ok' } },
    { name: 'another enterprise\'s contact', path: async (ctx) => `/api/enterprise/contacts/${await ctx.freshContact(MILL)}/remove`, body: {}, expect: {} },
  ],

  // ---- 非现场检查: agencies ask and decide their own; the enterprise answers by its link or signed in, its own only
  'POST /api/offsite/requests': [{ name: 'ask (empty form)', path: '/api/offsite/requests', body: {}, expect: every('pass', ['officer1', 'admin1', 'admin2']) }],
  'GET /api/offsite/requests': [{
    name: 'list', path: '/api/offsite/requests', expect: every('ok'),
    check: (who, body) => {
      const ids = body.map((r: { id: string }) => r.id);
      if (OWN_AGENCY[who] === 'A1') expect(ids).toEqual(['OR1']);
      if (OWN_AGENCY[who] === 'A2') expect(ids).not.toContain('OR1');
    },
  }],
  'GET /api/offsite/requests/:id': [
    { name: 'A1\'s', path: '/api/offsite/requests/OR1', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'A2\'s', path: '/api/offsite/requests/OR2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/offsite/plans/:planId/request': [{ name: 'A1\'s plan', path: '/api/offsite/plans/OFF1/request', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/offsite/requests/:id/evidence/:evidenceId': [{ name: 'A1\'s file', path: '/api/offsite/requests/OR1/evidence/EV1', expect: { officer1: 'ok', admin1: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  // Not answered yet: the agency's own get past authorization to the rule (409).
  'POST /api/offsite/requests/:id/accept': [{ name: 'A2\'s, unanswered', path: '/api/offsite/requests/OR2/accept', body: {}, expect: { admin2: 'pass' } }],
  'POST /api/offsite/requests/:id/ask-again': [{ name: 'A2\'s, unanswered', path: '/api/offsite/requests/OR2/ask-again', body: { note: '请补充材料' }, expect: { admin2: 'pass' } }],
  'POST /api/offsite/requests/:id/convert': [{ name: 'A2\'s', path: '/api/offsite/requests/OR3/convert', body: { reason: '需现场核实', date: inDays(3) }, expect: { admin2: 'pass' } }],
  'GET /api/offsite/share': [{ name: 'share per agency and month', path: '/api/offsite/share', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } }],
  'GET /api/offsite-links/:token': [
    { name: 'by its link', path: (ctx) => `/api/offsite-links/${ctx.ids.offsiteToken}`, expect: every('ok', [...CALLERS]) },
    { name: 'unknown link', path: `/api/offsite-links/${'Q'.repeat(22)}`, expect: publicForAll },
  ],
  'POST /api/offsite-links/:token/readings': [{ name: 'a reading', path: (ctx) => `/api/offsite-links/${ctx.ids.offsiteToken}/readings`, body: { position: 0, text: '5℃' }, expect: every('ok', [...CALLERS]) }],
  'POST /api/offsite-links/:token/files': [{ name: 'no file', path: (ctx) => `/api/offsite-links/${ctx.ids.offsiteToken}/files?position=0`, body: {}, expect: publicForAll }],
  'POST /api/offsite-links/:token/submit': [{ name: 'submit', path: (ctx) => `/api/offsite-links/${ctx.ids.offsiteToken}/submit`, body: {}, expect: publicForAll }],
  'GET /o/:token': [{ name: 'off-site request short link', path: (ctx) => `/o/${ctx.ids.offsiteToken}`, expect: every('ok', [...CALLERS]) }],
  'GET /api/enterprise/offsite-requests': [{
    name: 'its requests', path: '/api/enterprise/offsite-requests', expect: { enterpriseSession: 'ok' },
    check: (_, body) => expect(body.map((r: { id: string }) => r.id)).toEqual(['OR1']),
  }],
  'GET /api/enterprise/offsite-requests/:id': [
    { name: 'its own', path: '/api/enterprise/offsite-requests/OR1', expect: { enterpriseSession: 'ok' } },
    { name: 'another enterprise\'s', path: '/api/enterprise/offsite-requests/OR2', expect: {} },
  ],
  'POST /api/enterprise/offsite-requests/:id/readings': [
    { name: 'its own', path: '/api/enterprise/offsite-requests/OR1/readings', body: { position: 0, text: '6℃' }, expect: { enterpriseSession: 'ok' } },
    { name: 'another enterprise\'s', path: '/api/enterprise/offsite-requests/OR2/readings', body: { position: 0, text: '6℃' }, expect: {} },
  ],
  'POST /api/enterprise/offsite-requests/:id/files': [
    { name: 'its own (no file)', path: '/api/enterprise/offsite-requests/OR1/files?position=0', body: {}, expect: { enterpriseSession: 'pass' } },
    { name: 'another enterprise\'s', path: '/api/enterprise/offsite-requests/OR2/files?position=0', body: {}, expect: {} },
  ],
  'POST /api/enterprise/offsite-requests/:id/submit': [
    { name: 'its own', path: '/api/enterprise/offsite-requests/OR1/submit', body: {}, expect: { enterpriseSession: 'pass' } },
    { name: 'another enterprise\'s', path: '/api/enterprise/offsite-requests/OR2/submit', body: {}, expect: {} },
  ],

  // ---- audit log of exports: the discipline inspectors alone read it
  'GET /api/audit': [{ name: 'entries', path: '/api/audit?action=export', expect: { discipline: 'ok' } }],
  'GET /api/audit/verify': [{ name: 'chain check', path: '/api/audit/verify', expect: { discipline: 'ok' } }],

  // ---- supervision console: supervisors all, discipline reads all and records referral outcomes, agency admins their own
  'GET /api/supervision/cases': [
    { name: 'list', path: '/api/supervision/cases', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' }, check: ownAgencyOnly('agencyId') },
    { name: 'another agency asked for', path: '/api/supervision/cases?agencyId=A2', expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/supervision/cases/:id': [
    { name: 'A1 case', path: (ctx) => `/api/supervision/cases/${ctx.ids.caseA1}`, expect: { admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'A2 case', path: (ctx) => `/api/supervision/cases/${ctx.ids.caseA2}`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'POST /api/supervision/cases/:id/actions': [
    { name: 'investigate', path: async (ctx) => `/api/supervision/cases/${await ctx.freshCase('A2', 'open')}/actions`, body: { action: 'investigate' }, expect: { supervisor: 'ok' } },
    { name: 'order rectification', path: async (ctx) => `/api/supervision/cases/${await ctx.freshCase('A2', 'investigating')}/actions`, body: { action: 'order-rectification', note: '整改', deadline: inDays(5) }, expect: { supervisor: 'ok' } },
    { name: 'answer rectification (A2 case)', path: async (ctx) => `/api/supervision/cases/${await ctx.freshCase('A2', 'rectifying')}/actions`, body: { action: 'answer-rectification', note: '已整改' }, expect: { admin2: 'ok' } },
    { name: 'confirm rectification', path: async (ctx) => `/api/supervision/cases/${await ctx.freshCase('A2', 'answered')}/actions`, body: { action: 'confirm-rectification' }, expect: { supervisor: 'ok' } },
    { name: 'refer to discipline', path: async (ctx) => `/api/supervision/cases/${await ctx.freshCase('A1', 'investigating')}/actions`, body: { action: 'refer-discipline', note: '移交' }, expect: { supervisor: 'ok' } },
    {
      name: 'discipline outcome', path: async (ctx) => `/api/supervision/cases/${await ctx.freshCase('A1', 'referred')}/actions`,
      body: { action: 'record-discipline-outcome', note: '诫勉谈话', outcome: 'accountable' }, expect: { discipline: 'ok' },
    },
    { name: 'note on an A2 case', path: async (ctx) => `/api/supervision/cases/${await ctx.freshCase('A2', 'rectifying')}/actions`, body: { action: 'note', note: '补充说明' }, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'POST /api/supervision/cases/:id/attachments': [
    {
      name: 'attach to an A2 case', path: async (ctx) => `/api/supervision/cases/${await ctx.freshCase('A2', 'rectifying')}/attachments`,
      body: { name: '整改报告.txt', mime: 'text/plain', content: Buffer.from('整改报告').toString('base64') }, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' },
    },
  ],
  'GET /api/supervision/cases/:id/attachments/:attachmentId': [
    { name: 'A2 attachment', path: (ctx) => `/api/supervision/cases/${ctx.ids.caseA2}/attachments/${ctx.ids.attachmentA2}`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/supervision/assignees': [{ name: 'supervisors', path: '/api/supervision/assignees', expect: { supervisor: 'ok' } }],
  'GET /api/supervision/dashboard': [
    {
      name: 'dashboard', path: '/api/supervision/dashboard', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' },
      check: (who, body) => {
        const agencies = new Set([...body.inspectionsByMonth.series.map((s: { agencyId: string }) => s.agencyId), ...body.satisfaction.map((s: { agencyId: string }) => s.agencyId)]);
        expect([...agencies].sort()).toEqual(OWN_AGENCY[who] ? [OWN_AGENCY[who]] : ['A1', 'A2']);
      },
    },
  ],
  'GET /api/supervision/visits': [{
    name: 'visits by kind per agency and month', path: '/api/supervision/visits', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' },
    check: (who, body) => {
      if (OWN_AGENCY[who]) for (const row of body.rows) expect(row.agencyId).toBe(OWN_AGENCY[who]);
    },
  }],
  'GET /api/supervision/dashboard/year-on-year': [
    {
      name: 'year on year', path: `/api/supervision/dashboard/year-on-year?year=${new Date().getUTCFullYear() - 1}`, expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' },
      check: (who, body) => {
        if (OWN_AGENCY[who]) for (const row of body.agencies) expect(row.agencyId).toBe(OWN_AGENCY[who]);
      },
    },
  ],
  'GET /api/supervision/dashboard/visits-per-enterprise': [
    {
      name: 'visits per enterprise', path: `/api/supervision/dashboard/visits-per-enterprise?year=${new Date().getUTCFullYear() - 1}`, expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' },
      check: (who, body) => {
        if (OWN_AGENCY[who]) for (const e of body.top) for (const a of e.agencies) expect(a.agencyId).toBe(OWN_AGENCY[who]);
      },
    },
  ],
  'GET /api/supervision/dashboard/satisfaction-trend': [
    {
      name: 'satisfaction by month', path: `/api/supervision/dashboard/satisfaction-trend?year=${new Date().getUTCFullYear() - 1}`, expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' },
      check: (who, body) => expect(body.agencyId).toBe(OWN_AGENCY[who] ?? null),
    },
    { name: 'another agency\'s months', path: `/api/supervision/dashboard/satisfaction-trend?year=${new Date().getUTCFullYear() - 1}&agencyId=A2`, expect: { admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
  'GET /api/supervision/export/:table': [
    { name: 'cases', path: '/api/supervision/export/cases', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'cases of another agency', path: '/api/supervision/export/cases?agencyId=A1', expect: { admin1: 'ok', supervisor: 'ok', discipline: 'ok' } },
    { name: 'satisfaction', path: '/api/supervision/export/satisfaction', expect: { admin1: 'ok', admin2: 'ok', supervisor: 'ok', discipline: 'ok' } },
  ],
};

let penaltyCases = 0;
/** A case noticed as the notice leaves it (its procedure with the code's hash, the statement period open); answers its code. */
async function noticedCase(ctx: Ctx): Promise<string> {
  const id = `PC-AUTHZ-${++penaltyCases}`;
  const ds = ctx.t.dataSource;
  await ds.query("INSERT INTO cases (id, agency_id, credit_code, cause, discretion_level, fine, status, filed_at) VALUES (?, 'A1', ?, 'food-safety-34', 'general', 0, 'filed', NOW())", [id, SHOP]);
  const token = supervisionCodeToken(supervisionCodeKey(ctx.t.config.jwtSecret), id);
  await ds.query(
    `INSERT INTO case_procedures (case_id, stage, origin, facts, legal_basis, points, notified_at, statement_until, hearing_until, code_hash, filed_by, updated_at)
     VALUES (?, 'notified', 'inspection', '经营过期食品', '《食品安全法》第一百二十四条', 2, NOW(), NOW() + INTERVAL 3 DAY, NULL, ?, 5, NOW())`,
    [id, supervisionCodeHash(token)],
  );
  return token;
}

/** "METHOD /path" of every route Fastify serves (HEAD, added for each GET, left out), read from its route tree. */
function routeTable(tree: string): string[] {
  const routes = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + match[2];
    stack[depth] = path;
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) routes.add(`${method} ${path.replace(/^\/\//, '/')}`);
  }
  return [...routes].sort();
}

function allowed(expectation: Expect, status: number, who: Who): boolean {
  if (status >= 500) return false;
  switch (expectation) {
    case 'ok':
      return status >= 200 && status < 400;
    case 'pass':
      return ![401, 403, 404].includes(status);
    case 'public':
      return ![401, 403].includes(status);
    case 'deny':
      return who === 'anonymous' || who === 'enterprise' ? status === 401 : status === 403 || status === 404;
  }
}

describe('authorization matrix: every route × every caller', () => {
  let t: TestApp;
  const tokens: Partial<Record<Who, string>> = {};
  const ids = MATRIX_IDS;
  let freshEnterprises = 0;
  let ctx: Ctx;

  beforeAll(async () => {
    const documentDir = mkdtempSync(join(tmpdir(), 'mashang-authz-docs-'));
    t = await startTestApp('authz_matrix', { env: { DOCUMENT_DIR: documentDir } });
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '食品安全法'), ('I2', 'A2', '消防设施检查', '消防法')");
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王烩面馆', 'catering', '410204', 'C', ?), (?, '宏达机械', 'manufacturing', '410202', 'B', NULL)", [SHOP, testPhoneCipher().encrypt(SHOP_PHONE), MILL]);
    for (const who of LOGGED_IN) tokens[who] = await login(t.app, who);
    tokens.enterpriseSession = await enterpriseSignIn();
    // A planned inspection of the shop in two days: announced to it (检查预告).
    await ds.query("INSERT INTO plans (id, code, agency_id, credit_code, planned_date, trigger_type, status, filed_at, filed_by, lead_plan_id, inspection_date) VALUES ('PN1', 'JH-AUTHZ-PN1', 'A1', ?, ?, 'planned', 'active', NOW(3), 1, 'PN1', ?)", [SHOP, inDays(2), inDays(2)]);
    await ds.query("INSERT INTO plan_items (plan_id, item_id, position) VALUES ('PN1', 'I1', 0)");
    await ds.query("INSERT INTO plan_officers (plan_id, officer_id, position) VALUES ('PN1', 'O1', 0)");
    const officer2 = await login(t.app, 'officer2');

    const file = async (token: string, creditCode: string, officerId: string, itemId: string) => {
      const plan = await call(t.app, 'POST', '/api/plans', { token, body: { creditCode, date: inDays(10), trigger: 'planned', officerIds: [officerId], itemIds: [itemId] } });
      if (plan.status !== 201) throw new Error(`plan: ${JSON.stringify(plan.body)}`);
      return plan.body.id as string;
    };
    ids.planA1 = await file(tokens.officer1!, SHOP, 'O1', 'I1');
    ids.planA2 = await file(officer2, MILL, 'O2', 'I2');
    const code = await call(t.app, 'POST', `/api/plans/${ids.planA1}/code`, { token: tokens.officer1, body: {} });
    ids.token = code.body.token;

    for (const [id, agency, creditCode] of [['X1', 'A1', SHOP], ['X2', 'A2', MILL]]) {
      await ds.transaction(async (manager) => {
        await manager.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES (?, ?, ?, 'planned', NOW() - INTERVAL 3 DAY, NOW() - INTERVAL 3 DAY, 1, 'pass')", [id, agency, creditCode]);
        await manager.query("INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, rated_at) VALUES (?, ?, 1, 1, 1, 1, 'disapprove', NOW())", [id, agency]);
        await appendTrail(manager, id, 'rated', 'enterprise', { agencyId: agency });
        ids[`case${agency}`] = (await raiseFlag(manager, {
          dedupeKey: `rating:${id}:${agency}`, source: 'rating', subjectType: 'inspection', subjectId: id, agencyId: agency, creditCode, inspectionId: id, severity: 'high', title: '企业不满意', evidence: { inspectionId: id }, actor: 'enterprise',
        })).id;
      });
    }
    for (const [id, agency, creditCode, stage] of [['PC1', 'A1', SHOP, 'review'], ['PC2', 'A2', MILL, 'filed']]) {
      await ds.query("INSERT INTO cases (id, agency_id, credit_code, cause, discretion_level, fine, status, filed_at) VALUES (?, ?, ?, 'FSL-126', 'general', 0, 'filed', NOW(3))", [id, agency, creditCode]);
      await ds.query("INSERT INTO case_procedures (case_id, stage, origin, facts, legal_basis, filed_by, updated_at) VALUES (?, ?, 'inspection', '事实', '依据', 1, NOW(3))", [id, stage]);
    }
    await ds.query("INSERT INTO legal_reviews (id, case_id, reasons, fine, requested_at, due_at) VALUES ('LR1', 'PC1', 'fine', 6000000, NOW(3), NOW(3) + INTERVAL 5 DAY)");
    await ds.query("INSERT INTO coercive_measures (id, case_id, kind, items, document_no, started_at, due_at) VALUES ('CM1', 'PC1', 'seize', '货物', '扣1号', NOW(3), NOW(3) + INTERVAL 30 DAY)");
    await ds.query("INSERT INTO review_requests (id, inspection_id, credit_code, agency_id, reason, status, requested_by, requested_at) VALUES ('RV1', 'X2', ?, 'A1', '有异议', 'pending', 3, NOW()), ('RV2', 'X2', ?, 'A2', '有异议', 'pending', 4, NOW())", [MILL, MILL]);
    ids.reviewA1A2 = 'RV1';
    ids.reviewA2 = 'RV2';
    await call(t.app, 'POST', '/api/joint-scenarios', { token: tokens.supervisor, body: { id: 'catering', name: '餐饮店联合检查', industries: ['catering'], agencyIds: ['A1', 'A2'] } });
    const attachment = await call(t.app, 'POST', `/api/supervision/cases/${ids.caseA2}/attachments`, { token: tokens.supervisor, body: { name: '笔录.txt', mime: 'text/plain', content: Buffer.from('笔录').toString('base64') } });
    ids.attachmentA2 = attachment.body.id;
    ids.import = (await call(t.app, 'POST', '/api/exchange/imports', { token: tokens.supervisor, body: {} })).body.id;
    await BenchmarkWriter.on(ds).save([{ clause: 'FSL-126', ...structuredClone(AUTHZ_BENCHMARK) }], 'cli', 'import');
    ids.emptyImport = (await call(t.app, 'POST', '/api/exchange/imports', { token: tokens.supervisor, body: {} })).body.id;
    // A1's draft special campaign (专项检查), joined by A2.
    await ds.query("INSERT INTO campaigns (id, name, summary, status, owner_agency_id, industries, region_prefixes, item_ids, period_from, period_to, created_at, created_by) VALUES ('C1', '燃气安全专项检查', '', 'draft', 'A1', '[]', '[]', '[\"I1\"]', ?, ?, NOW(3), 'cli')", [inDays(8), inDays(40)]);
    await ds.query("INSERT INTO campaign_agencies (campaign_id, agency_id) VALUES ('C1', 'A1'), ('C1', 'A2')");

    // The enterprise of X1 got an SMS link to rate it (its rating raised caseA1).
    ids.ratingToken = 'Zk3q9LmN0pQrStUvWxYz12';
    await ds.query(
      "INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, mode, token_hash, code_hash, inspection_date, created_at, expires_at) VALUES ('INV1', 'G1', ?, NULL, 'link', ?, NULL, ?, NOW(), NOW() + INTERVAL 7 DAY)",
      [SHOP, credentialHash({ kind: 'link', token: ids.ratingToken }), inDays(-3)],
    );
    await ds.query("INSERT INTO rating_invite_agencies (invite_id, inspection_id, agency_id, position) VALUES ('INV1', 'X1', 'A1', 0)");
    tokens.enterprise = ids.ratingToken;
    // Unknown supervision codes count against this address beyond a run: start from none.
    await t.app.get<Redis>(REDIS).del('penalty-code-failures:127.0.0.1');

    // A nightly report of yesterday, computed by the analytics worker.
    ids.asOf = inDays(-1);
    await call(t.app, 'POST', '/api/anomaly/runs', { token: tokens.supervisor, body: { asOf: ids.asOf } });
    for (let i = 0; i < 120; i++) {
      const run = await call(t.app, 'GET', `/api/anomaly/runs/${ids.asOf}`, { token: tokens.supervisor });
      if (run.body.status === 'completed') break;
      if (run.body.status === 'failed') throw new Error(`anomaly run failed: ${run.body.error}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    // One stored document per agency, written where local document storage reads it.
    for (const [docId, planId] of [['DOC-A1', ids.planA1], ['DOC-A2', ids.planA2]]) {
      const key = `authz/${docId}.pdf`;
      mkdirSync(dirname(join(documentDir, key)), { recursive: true });
      writeFileSync(join(documentDir, key), '%PDF-1.4 authz');
      await ds.query(
        "INSERT INTO inspection_documents (id, plan_id, kind, doc_no, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at, client_key) VALUES (?, ?, 'record', NULL, '检查记录', 'record.pdf', 'application/pdf', 14, ?, ?, 5, NOW(), ?)",
        [docId, planId, '0'.repeat(64), key, docId],
      );
    }

    // Off-site checks: A1's of the shop (with a file sent), A2's two of the mill.
    for (const [plan, agency, creditCode, officer, item] of [['OFF1', 'A1', SHOP, 'O1', 'I1'], ['OFF2', 'A2', MILL, 'O2', 'I2'], ['OFF3', 'A2', MILL, 'O2', 'I2']]) {
      await ds.query("INSERT INTO plans (id, code, agency_id, credit_code, planned_date, trigger_type, status, filed_at, filed_by, lead_plan_id, inspection_date, mode) VALUES (?, ?, ?, ?, ?, 'planned', 'active', NOW(3), 1, ?, ?, 'offsite')", [plan, `JH-AUTHZ-${plan}`, agency, creditCode, inDays(20), plan, inDays(20)]);
      await ds.query('INSERT INTO plan_items (plan_id, item_id, position) VALUES (?, ?, 0)', [plan, item]);
      await ds.query('INSERT INTO plan_officers (plan_id, officer_id, position) VALUES (?, ?, 0)', [plan, officer]);
      const request = plan.replace('OFF', 'OR');
      const hash = offsiteTokenHash(offsiteToken(offsiteTokenKey(t.config.jwtSecret), request));
      await ds.query("INSERT INTO offsite_requests (id, plan_id, agency_id, credit_code, status, round, token_hash, requested_at, requested_by) VALUES (?, ?, ?, ?, 'asked', 1, ?, NOW(3), 1)", [request, plan, agency, creditCode, hash]);
      await ds.query("INSERT INTO offsite_request_asks (request_id, position, item_id, kind, ask) VALUES (?, 0, ?, 'reading', '冷藏温度'), (?, 1, ?, 'photo', '后厨照片')", [request, item, request, item]);
    }
    ids.offsiteToken = offsiteToken(offsiteTokenKey(t.config.jwtSecret), 'OR1');
    mkdirSync(join(documentDir, 'offsite', 'OR1'), { recursive: true });
    writeFileSync(join(documentDir, 'offsite', 'OR1', 'EV1.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await ds.query("INSERT INTO offsite_evidence (id, request_id, position, round, kind, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at) VALUES ('EV1', 'OR1', 1, 1, 'photo', 'kitchen.png', 'image/png', 8, ?, 'offsite/OR1/EV1.png', NOW(3))", ['0'.repeat(64)]);

    let contacts = 0;
    ctx = {
      t,
      ids,
      freshContact: async (creditCode) => {
        const phone = `1370000${String(++contacts).padStart(4, '0')}`;
        const id = `authz-contact-${contacts}`;
        const cipher = testPhoneCipher();
        await ds.query('INSERT INTO enterprise_contacts (id, credit_code, phone_cipher, phone_index, title, added_at) VALUES (?, ?, ?, ?, ?, NOW(3))', [id, creditCode, cipher.encrypt(phone), cipher.index(phone), '店员']);
        return id;
      },
      freshPlan: async (officer) => {
        const creditCode = buildCreditCode('92410202', `MC${String(++freshEnterprises).padStart(6, '0')}`);
        await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES (?, '新企业', 'manufacturing', '410202', 'B')", [creditCode]);
        return officer === 'officer1' ? file(tokens.officer1!, creditCode, 'O1', 'I1') : file(officer2, creditCode, 'O2', 'I2');
      },
      freshCase: async (agencyId, status) => {
        const id = await ds.transaction(async (manager) => (await raiseFlag(manager, {
          dedupeKey: `authz:${Math.random()}`, source: 'rating', subjectType: 'agency', subjectId: agencyId, agencyId, creditCode: SHOP, severity: 'low', title: '测试', evidence: {}, actor: 'system:test',
        })).id);
        await ds.query('UPDATE flagged_cases SET status = ? WHERE id = ?', [status, id]);
        return id;
      },
    };
    ids.penaltyToken = await noticedCase(ctx);
  });
  afterAll(() => t?.close());

  /** Signs 老王烩面馆 in to its port with its register's phone, the code read from the local outbox. */
  async function enterpriseSignIn(): Promise<string> {
    await forgetPortCodes(t.app);
    const asked = await call(t.app, 'POST', '/api/enterprise/sign-in/code', { body: { creditCode: SHOP, phone: SHOP_PHONE } });
    if (asked.status !== 200) throw new Error(`sign-in code: ${JSON.stringify(asked.body)}`);
    const [sms] = await t.dataSource.query("SELECT text FROM sms_outbox WHERE text LIKE '%登录验证码%' ORDER BY id DESC LIMIT 1");
    const code = /验证码为(\d{6})/.exec(sms.text)![1];
    const signed = await call(t.app, 'POST', '/api/enterprise/sign-in', { body: { creditCode: SHOP, phone: SHOP_PHONE, code } });
    if (signed.status !== 200) throw new Error(`sign-in: ${JSON.stringify(signed.body)}`);
    return signed.body.token;
  }

  it('every route has an entry, and every entry a route', () => {
    const routes = routeTable(t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !MATRIX[r])).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !routes.includes(k))).toEqual([]);
  });

  it.each(Object.keys(MATRIX))('%s', async (route) => {
    const method = route.slice(0, route.indexOf(' '));
    const problems: string[] = [];
    // A route nobody may call would be dead; every route has at least one probe someone passes.
    expect(MATRIX[route].some((probe) => Object.values(probe.expect).some((e) => e !== 'deny'))).toBe(true);
    for (const probe of MATRIX[route]) {
      for (const who of CALLERS) {
        const expectation = probe.expect[who] ?? 'deny';
        const path = typeof probe.path === 'function' ? await probe.path(ctx, who) : probe.path;
        const body = typeof probe.body === 'function' ? await probe.body(ctx, who) : probe.body;
        const fresh = probe.freshSession && who !== 'anonymous' && who !== 'enterprise';
        const token = who === 'anonymous' ? undefined : fresh ? (who === 'enterpriseSession' ? await enterpriseSignIn() : await login(t.app, who)) : tokens[who];
        const answer = await call(t.app, method, path, { token, body, headers: probe.headers });
        if (!allowed(expectation, answer.status, who)) {
          problems.push(`${probe.name}: ${who} expected ${expectation}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
          continue;
        }
        if (probe.check && expectation === 'ok') {
          try {
            probe.check(who, answer.body);
          } catch (error) {
            problems.push(`${probe.name}: ${who} saw what it may not: ${(error as Error).message.split('\n').slice(0, 6).join(' ')}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
