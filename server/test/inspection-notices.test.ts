/**
 * 检查预告 and 双向预约: planned inspections announced to the enterprise ahead (by SMS through the Aliyun
 * SDK against a loopback fake, and on its page with the items and what to prepare), never one with a
 * complaint, undercover or emergency trigger; the enterprise marks the half-days that suit it within the
 * inspection's window, and the inspection's officers read them when fixing the date.
 */
import { addDays, buildCreditCode, shanghaiDate } from '@mashang/shared';
import { InspectionNoticeSms } from '../src/modules/port/notices/notice-sms.js';
import { aliyunEnv, eventually, FakeSmsProvider } from './evaluation-fakes.js';
import { forgetPortCodes, signInEnterprise } from './support/enterprise-port.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000841');
const MILL = buildCreditCode('91410200', 'MA000842');
const SHOP_PHONE = '13800000841';
const MILL_PHONE = '13900000842';
const today = () => shanghaiDate(Date.now());

describe('advance notices and booking', () => {
  let t: TestApp;
  let fake: FakeSmsProvider;
  let shop: string;
  let mill: string;
  let planA = '';
  let millPlan = '';
  const notices = () => fake.accepted.filter((a) => a.templateId === 'SMS_INSPECTION_NOTICE');

  beforeAll(async () => {
    fake = new FakeSmsProvider('aliyun');
    await fake.start();
    t = await startTestApp('inspection_notices', { env: { ...aliyunEnv(fake.url), INSPECTION_NOTICE_DAYS: '10' } });
    await forgetPortCodes(t.app);
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条'), ('I2', 'A2', '消防设施检查', '《消防法》第十六条')");
    const cipher = testPhoneCipher();
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王烩面馆', 'catering', '410204', 'C', ?), (?, '宏达机械', 'manufacturing', '410202', 'B', ?)",
      [SHOP, cipher.encrypt(SHOP_PHONE), MILL, cipher.encrypt(MILL_PHONE)]);
    const officer1 = await login(t.app, 'officer1');
    const officer2 = await login(t.app, 'officer2');
    const file = async (token: string, body: Record<string, unknown>) => {
      const filed = await call(t.app, 'POST', '/api/plans', { token, body });
      expect(filed.status).toBe(201);
      return filed.body.id as string;
    };
    // The shop: a planned inspection in 8 days. The mill: a planned one joined by an undercover visit (never announced).
    planA = await file(officer1, { creditCode: SHOP, date: addDays(today(), 8), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'] });
    millPlan = await file(officer1, { creditCode: MILL, date: addDays(today(), 9), trigger: 'planned', officerIds: ['O1'], itemIds: ['I1'] });
    await file(officer2, { creditCode: MILL, date: addDays(today(), 9), trigger: 'undercover', reason: '暗访核查', officerIds: ['O2'], itemIds: ['I2'] });
    shop = await signInEnterprise(t.app, fake, SHOP, SHOP_PHONE);
    mill = await signInEnterprise(t.app, fake, MILL, MILL_PHONE, '203.0.113.71');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('shows its announced inspection with the items and what to prepare; never one an undercover visit joins', async () => {
    const answer = await call(t.app, 'GET', '/api/enterprise/notices', { token: shop });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{
      id: planA, date: addDays(today(), 8), joint: false,
      agencies: [{ name: '市市场监督管理局', planCode: expect.any(String), items: [{ name: '食品经营许可检查', basis: '《食品安全法》第三十五条' }] }],
      prepare: ['营业执照（或复印件）、法定代表人或现场负责人的身份证件', '与“食品经营许可检查”有关的许可证照、台账和记录'],
      window: { from: addDays(today(), 1), to: addDays(today(), 15) },
      slots: [],
    }]);
    expect((await call(t.app, 'GET', '/api/enterprise/notices', { token: mill })).body).toEqual([]);
  });

  it('marks the half-days that suit it within the window; the plan\'s officers see them, another agency does not', async () => {
    const slots = [{ date: addDays(today(), 10), half: 'pm' }, { date: addDays(today(), 9), half: 'am' }, { date: addDays(today(), 9), half: 'am' }];
    const marked = await call(t.app, 'PUT', `/api/enterprise/notices/${planA}/slots`, { token: shop, body: { slots } });
    expect([marked.status, marked.body.slots]).toEqual([200, [{ date: addDays(today(), 9), half: 'am' }, { date: addDays(today(), 10), half: 'pm' }]]);

    const outside = await call(t.app, 'PUT', `/api/enterprise/notices/${planA}/slots`, { token: shop, body: { slots: [{ date: addDays(today(), 16), half: 'am' }] } });
    expect([outside.status, outside.body.error.fields[0].field]).toEqual([400, 'slots[0]']);
    expect((await call(t.app, 'PUT', `/api/enterprise/notices/${planA}/slots`, { token: shop, body: { slots: [{ date: addDays(today(), 9), half: 'noon' }] } })).status).toBe(400);
    // Another enterprise's inspection, or one not announced, is not found.
    expect((await call(t.app, 'PUT', `/api/enterprise/notices/${planA}/slots`, { token: mill, body: { slots: [] } })).status).toBe(404);
    expect((await call(t.app, 'PUT', `/api/enterprise/notices/${millPlan}/slots`, { token: mill, body: { slots: [] } })).status).toBe(404);

    const officer = await call(t.app, 'GET', `/api/plans/${planA}/enterprise-slots`, { token: await login(t.app, 'officer1') });
    expect(officer.body).toEqual({
      inspectionDate: addDays(today(), 8), markedAt: expect.any(String),
      slots: [{ date: addDays(today(), 9), half: 'am', label: expect.stringMatching(/^\d{1,2}月\d{1,2}日上午$/) }, { date: addDays(today(), 10), half: 'pm', label: expect.stringMatching(/下午$/) }],
    });
    expect([403, 404]).toContain((await call(t.app, 'GET', `/api/plans/${planA}/enterprise-slots`, { token: await login(t.app, 'admin2') })).status);
    expect((await call(t.app, 'GET', `/api/plans/${planA}/enterprise-slots`, { token: shop })).status).toBe(403);
  });

  it('sends each announced inspection one notice by SMS, again when it moves, and none for the undercover one', async () => {
    const sweeper = t.app.get(InspectionNoticeSms);
    expect(await sweeper.sweepAt(new Date())).toEqual({ queued: 1 });
    const [sms] = await eventually(() => notices().length === 1 && notices(), 20_000, 'the advance notice');
    expect(sms).toMatchObject({ phone: SHOP_PHONE, params: { date: expect.stringMatching(/^\d{1,2}月\d{1,2}日$/), agency: '市市场监督管理局' } });
    await eventually(async () => (await t.dataSource.query('SELECT * FROM inspection_notices')).length === 1, 10_000, 'the notice recorded');
    expect(await sweeper.sweepAt(new Date())).toEqual({ queued: 0 });

    const admin1 = await login(t.app, 'admin1');
    expect((await call(t.app, 'PATCH', `/api/plans/${planA}`, { token: admin1, body: { date: addDays(today(), 9) } })).status).toBe(200);
    expect(await sweeper.sweepAt(new Date())).toEqual({ queued: 1 });
    await eventually(() => notices().length === 2, 20_000, 'the notice of the new date');
    expect(notices().every((n) => n.phone === SHOP_PHONE)).toBe(true);
  });
});
