import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, type TestApp } from './support/test-app.js';

const E = [1, 2, 3, 4, 5, 6].map((n) => buildCreditCode('91410200', `MA00060${n}`));
const today = shanghaiDate(new Date());
const THIS_YEAR = Number(today.slice(0, 4));
// Whole years, so the figures do not depend on today's date: Y against the year before it.
const Y = THIS_YEAR - 1;
const P = Y - 1;
/** A Shanghai local time as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);

describe('the dashboard\'s yearly sections: year on year, inspections per enterprise, satisfaction by month', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = <T = any>(user: string, url: string) => call<T>(t.app, 'GET', url, { token: tokens[user] });
  let n = 0;
  async function inspection(agencyId: string, creditCode: string, startedAt: Date, { trigger = 'planned', jointId = null as string | null } = {}) {
    n += 1;
    await t.dataSource.query(
      'INSERT INTO inspections (id, agency_id, credit_code, trigger_type, joint_id, started_at, finished_at, coded, result) VALUES (?, ?, ?, ?, ?, ?, ?, 1, \'pass\')',
      [`I${n}`, agencyId, creditCode, trigger, jointId, startedAt, new Date(startedAt.getTime() + 3_600_000)],
    );
  }
  async function rating(agencyId: string, ratedAt: Date, score: number, { verdict = 'approve', flags = '' } = {}) {
    n += 1;
    await t.dataSource.query(
      "INSERT INTO ratings (inspection_id, agency_id, language_score, procedure_score, manner_score, fairness_score, verdict, flags, comment, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
      [`R${n}`, agencyId, score, score, score, score, verdict, flags, ratedAt],
    );
  }

  beforeAll(async () => {
    t = await startTestApp('dashsections');
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES ${E.map(() => '(?, ?, \'catering\', \'410204\', \'B\')').join(', ')}`,
      E.flatMap((code, i) => [code, `开封第${i + 1}号饭店`]),
    );
    for (const user of ['supervisor', 'discipline', 'admin1', 'admin2', 'officer1']) tokens[user] = await login(t.app, user);

    // Year Y. A1: E1 four times, E2 once (just after midnight of 1 January, Shanghai), E3 with A2 jointly.
    for (const month of ['02', '04', '06', '08']) await inspection('A1', E[0], at(`${Y}-${month}-10T10:00:00`));
    await inspection('A1', E[1], at(`${Y}-01-01T00:30:00`));
    await inspection('A1', E[2], at(`${Y}-05-05T09:00:00`), { jointId: 'PJ1' });
    // A2: E3 jointly (one visit for the enterprise), E4 twice on complaints, E5 three times.
    await inspection('A2', E[2], at(`${Y}-05-05T09:00:00`), { jointId: 'PJ1' });
    await inspection('A2', E[3], at(`${Y}-03-01T09:00:00`), { trigger: 'complaint' });
    await inspection('A2', E[3], at(`${Y}-09-01T09:00:00`), { trigger: 'complaint' });
    for (const month of ['02', '07', '11']) await inspection('A2', E[4], at(`${Y}-${month}-15T15:00:00`));
    // Year P: A1 four times; A2 once, half an hour before Y began in Shanghai. (E2's visit above was still P in UTC.)
    for (const month of ['03', '06', '09', '12']) await inspection('A1', E[0], at(`${P}-${month}-01T10:00:00`));
    await inspection('A2', E[5], at(`${P}-12-31T23:30:00`));

    // Ratings of Y. January: five of A1, one a disapproval. February: three of A2. March: three of each.
    for (let i = 0; i < 4; i += 1) await rating('A1', at(`${Y}-01-${10 + i}T10:00:00`), 4);
    await rating('A1', at(`${Y}-01-31T23:30:00`), 4, { verdict: 'disapprove' });
    for (let i = 0; i < 3; i += 1) await rating('A2', at(`${Y}-02-0${1 + i}T10:00:00`), 2);
    for (let i = 0; i < 3; i += 1) await rating('A1', at(`${Y}-03-0${1 + i}T10:00:00`), 5);
    for (let i = 0; i < 3; i += 1) await rating('A2', at(`${Y}-03-1${1 + i}T10:00:00`), 3, { flags: i === 0 ? 'repeated' : '' });
    // This month: five of A1, enough in number, but the month is still running.
    for (let i = 0; i < 5; i += 1) await rating('A1', new Date(Date.now() - (i + 1) * 1000), 5);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('compares each agency\'s year with the year before, with the joint and planned shares; an agency admin sees its own', async () => {
    const all = await get('supervisor', `/api/supervision/dashboard/year-on-year?year=${Y}`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ year: Y, through: `${Y}-12-31`, previousFrom: `${P}-01-01`, previousThrough: `${P}-12-31` });
    expect(all.body.agencies.map((r: any) => [r.agencyName, r.current, r.previous, r.change, r.jointShare, r.plannedShare])).toEqual([
      ['市市场监督管理局', 6, 4, 0.5, 0.1667, 1],
      ['市消防救援支队', 6, 1, 5, 0.1667, 0.6667],
    ]);
    expect(all.body.total).toMatchObject({ agencyName: '合计', current: 12, previous: 5, change: 1.4 });

    const own = await get('admin2', `/api/supervision/dashboard/year-on-year?year=${Y}`);
    expect(own.body.agencies.map((r: any) => r.agencyId)).toEqual(['A2']);
    expect(own.body.total).toMatchObject({ current: 6, previous: 1 });

    // This year to date against the same days of last year: nothing this year yet, Y's count up to today's date.
    const now = await get('supervisor', `/api/supervision/dashboard/year-on-year?year=${THIS_YEAR}`);
    expect(now.body).toMatchObject({ through: today, previousThrough: `${Y}-${today.slice(5) === '02-29' ? '02-28' : today.slice(5)}` });
    expect(now.body.total.current).toBe(0);
    expect(now.body.total.previous).toBeLessThanOrEqual(12);
  });

  it('buckets the enterprises by visits, a joint inspection once, and lists the most visited with their agencies', async () => {
    const registered = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM enterprises'))[0].n);
    const all = await get('supervisor', `/api/supervision/dashboard/visits-per-enterprise?year=${Y}&top=3`);
    expect(all.status).toBe(200);
    expect(all.body.registered).toBe(registered);
    expect(all.body.buckets).toEqual([
      { bucket: '0', enterprises: registered - 5 },
      { bucket: '1', enterprises: 2 },
      { bucket: '2', enterprises: 1 },
      { bucket: '3', enterprises: 1 },
      { bucket: '4+', enterprises: 1 },
    ]);
    expect(all.body.top).toEqual([
      { creditCode: E[0], name: '开封第1号饭店', visits: 4, agencies: [{ agencyId: 'A1', agencyName: '市市场监督管理局', inspections: 4 }] },
      { creditCode: E[4], name: '开封第5号饭店', visits: 3, agencies: [{ agencyId: 'A2', agencyName: '市消防救援支队', inspections: 3 }] },
      { creditCode: E[3], name: '开封第4号饭店', visits: 2, agencies: [{ agencyId: 'A2', agencyName: '市消防救援支队', inspections: 2 }] },
    ]);
    // The joint inspection: one visit for E3, by both agencies.
    const more = await get('supervisor', `/api/supervision/dashboard/visits-per-enterprise?year=${Y}&top=10`);
    expect(more.body.top.find((e: any) => e.creditCode === E[2])).toMatchObject({ visits: 1, agencies: [{ agencyId: 'A1', inspections: 1 }, { agencyId: 'A2', inspections: 1 }] });

    const own = await get('admin1', `/api/supervision/dashboard/visits-per-enterprise?year=${Y}`);
    expect(own.body.buckets.map((b: any) => b.enterprises)).toEqual([registered - 3, 2, 0, 0, 1]);
    expect(own.body.top.flatMap((e: any) => e.agencies.map((a: any) => a.agencyId))).toEqual(['A1', 'A1', 'A1']);
  });

  it('gives ratings by month, hiding a month of fewer than five, and an agency its own ended months only', async () => {
    const all = await get('supervisor', `/api/supervision/dashboard/satisfaction-trend?year=${Y}`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ year: Y, agencyId: null, minRatings: 5 });
    expect(all.body.months).toHaveLength(12);
    expect(all.body.months.slice(0, 4)).toEqual([
      { month: `${Y}-01`, ratings: 5, meanScore: 4, lowShare: 0.2, suppressed: false },
      { month: `${Y}-02`, ratings: null, meanScore: null, lowShare: null, suppressed: true },
      { month: `${Y}-03`, ratings: 6, meanScore: 4, lowShare: 0.1667, suppressed: false },
      { month: `${Y}-04`, ratings: 0, meanScore: null, lowShare: null, suppressed: false },
    ]);
    // One agency's March has three ratings: hidden, though all agencies' March shows.
    const a2 = await get('supervisor', `/api/supervision/dashboard/satisfaction-trend?year=${Y}&agencyId=A2`);
    expect(a2.body).toMatchObject({ agencyId: 'A2', agencyName: '市消防救援支队' });
    expect(a2.body.months.slice(0, 3).map((m: any) => m.suppressed)).toEqual([false, true, true]);
    expect(a2.body.months[0].ratings).toBe(0);

    const own = await get('admin1', `/api/supervision/dashboard/satisfaction-trend?year=${Y}`);
    expect(own.body.agencyId).toBe('A1');
    expect(own.body.months[0]).toEqual({ month: `${Y}-01`, ratings: 5, meanScore: 4, lowShare: 0.2, suppressed: false });
    expect(own.body.months[2]).toMatchObject({ ratings: null, suppressed: true });
    expect((await get('admin1', `/api/supervision/dashboard/satisfaction-trend?year=${Y}&agencyId=A2`)).status).toBe(403);

    // The running month: the supervisor sees its five ratings, the agency not until the month has ended.
    const month = today.slice(0, 7);
    const running = (await get('supervisor', `/api/supervision/dashboard/satisfaction-trend?year=${THIS_YEAR}&agencyId=A1`)).body.months.find((m: any) => m.month === month);
    expect(running).toMatchObject({ ratings: 5, meanScore: 5, suppressed: false });
    const withheld = (await get('admin1', `/api/supervision/dashboard/satisfaction-trend?year=${THIS_YEAR}`)).body.months.find((m: any) => m.month === month);
    expect(withheld).toEqual({ month, ratings: null, meanScore: null, lowShare: null, suppressed: true });
    // Never an enterprise, an inspection or one rating's content.
    for (const secret of [...E, 'R1', 'I1', 'repeated']) expect(JSON.stringify([all.body, own.body])).not.toContain(secret);
  });

  it('refuses a year to come or no year with a 400, officers with a 403', async () => {
    for (const path of ['year-on-year', 'visits-per-enterprise', 'satisfaction-trend']) {
      const future = await get('supervisor', `/api/supervision/dashboard/${path}?year=${THIS_YEAR + 1}`);
      expect(future.status).toBe(400);
      expect(future.body.error.fields).toEqual([{ field: 'year', reason: '年份不能晚于今年' }]);
      expect((await get('supervisor', `/api/supervision/dashboard/${path}`)).status).toBe(400);
      expect((await get('supervisor', `/api/supervision/dashboard/${path}?year=20x6`)).status).toBe(400);
      expect((await get('officer1', `/api/supervision/dashboard/${path}?year=${Y}`)).status).toBe(403);
    }
    expect((await get('supervisor', `/api/supervision/dashboard/visits-per-enterprise?year=${Y}&top=51`)).status).toBe(400);
  });
});
