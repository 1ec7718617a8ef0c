/**
 * The enterprise's port in a phone-sized Chromium (375 px): sign-in by phone and SMS code (the local
 * outbox provider: the code is read back the way the demo reads it), its inspections and their trails,
 * its penalty cases, a complaint from its page and one on the public form (码上响应), its contacts.
 */
import { buildCreditCode, shanghaiDate } from '@mashang/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { forgetPortCodes } from '../support/enterprise-port.js';
import { addInspectionItem, addInspectionOfficer, seedTwoAgencies } from '../support/fixtures.js';
import { appendTrail } from '../support/trail-and-flags.js';
import { startTestApp, testPhoneCipher, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOP = buildCreditCode('92410202', 'MA000951');
const SHOP_PHONE = '13800000951';

describe('the enterprise\'s port in a real phone-sized browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp('enterprise_port_e2e', { listen: true, env: { SMS_PROVIDER: 'outbox' } });
    await forgetPortCodes(t.app);
    await seedTwoAgencies(t.dataSource);
    await t.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, '开封市鼓楼区老王烩面馆', 'catering', '410204', ?, 'C')", [
      SHOP, testPhoneCipher().encrypt(SHOP_PHONE),
    ]);
    // An inspection of the shop a week ago, with its trail, and a penalty case noticed since.
    await t.dataSource.query("INSERT INTO items (id, agency_id, name, basis) VALUES ('I1', 'A1', '食品经营许可检查', '《食品安全法》第三十五条')");
    await t.dataSource.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result) VALUES ('X1', 'A1', ?, 'planned', NOW() - INTERVAL 7 DAY, NOW() - INTERVAL 7 DAY, 1, 'rectify')", [SHOP]);
    await addInspectionOfficer(t.dataSource, 'X1', 'O1');
    await addInspectionItem(t.dataSource, 'X1', 'I1');
    const officer1 = (await t.dataSource.query("SELECT id FROM users WHERE username = 'officer1'"))[0].id;
    await t.dataSource.transaction(async (manager) => {
      await appendTrail(manager, 'X1', 'checked-in', `user:${officer1}:officer1`, { creditCode: SHOP });
      await appendTrail(manager, 'X1', 'finding', `user:${officer1}:officer1`, { itemId: 'I1', item: '食品经营许可检查', outcome: 'rectify', rectifyBy: '2026-01-20', note: '内部备注' });
    });
    await t.dataSource.query("INSERT INTO cases (id, agency_id, credit_code, cause, discretion_level, fine, status, filed_at) VALUES ('PC1', 'A1', ?, 'FSL-126', 'general', 0, 'filed', NOW(3))", [SHOP]);
    await t.dataSource.query("INSERT INTO case_procedures (case_id, stage, origin, facts, legal_basis, filed_by, updated_at, code_hash, notified_at, statement_until) VALUES ('PC1', 'notified', 'inspection', '事实', '依据', 1, NOW(3), ?, NOW(3), NOW(3) + INTERVAL 3 DAY)", ['c'.repeat(64)]);
    // A planned inspection of the shop in two days: announced on its page (检查预告).
    const inTwoDays = shanghaiDate(Date.now() + 2 * 86_400_000);
    await t.dataSource.query("INSERT INTO plans (id, code, agency_id, credit_code, planned_date, trigger_type, status, filed_at, filed_by, lead_plan_id, inspection_date) VALUES ('PN1', 'JH-E2E-PN1', 'A1', ?, ?, 'planned', 'active', NOW(3), 1, 'PN1', ?)", [SHOP, inTwoDays, inTwoDays]);
    await t.dataSource.query("INSERT INTO plan_items (plan_id, item_id, position) VALUES ('PN1', 'I1', 0)");
    await t.dataSource.query("INSERT INTO plan_officers (plan_id, officer_id, position) VALUES ('PN1', 'O1', 0)");
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await (await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The latest sign-in code the local outbox holds. */
  const latestCode = async () => {
    const [sms] = await t.dataSource.query("SELECT text FROM sms_outbox WHERE text LIKE '%登录验证码%' ORDER BY id DESC LIMIT 1");
    return /验证码为(\d{6})/.exec(sms?.text ?? '')?.[1] ?? null;
  };

  it('signs in from the short link with the register\'s phone and an SMS code, fields checked first', async () => {
    await page.goto(`${t.url}/e`);
    await page.waitForSelector('#ent-code-send');
    await page.click('#ent-code-send');
    expect(await page.locator('#ent-credit-code-error').textContent()).toBe('请输入统一社会信用代码');
    expect(await page.locator('#ent-phone-error').textContent()).toBe('请输入手机号');

    await page.fill('#ent-credit-code input', SHOP.toLowerCase());
    await page.fill('#ent-phone input', SHOP_PHONE);
    await page.click('#ent-code-send');
    await page.waitForSelector('#ent-code-sent');
    expect(await page.locator('#ent-code-sent').textContent()).toContain('138****0951');
    await page.waitForFunction(() => /秒后可重新获取/.test(document.querySelector('#ent-code-send')?.textContent ?? ''));
    const code = await latestCode();
    expect(code).toMatch(/^\d{6}$/);

    await page.fill('#ent-code input', code === '000000' ? '000001' : '000000');
    await page.click('#ent-submit');
    await expect(page.locator('#ent-error').textContent({ timeout: 10_000 })).resolves.toContain('验证码不正确');

    await page.fill('#ent-code input', code!);
    await page.click('#ent-submit');
    await page.waitForSelector('#ent-name', { timeout: 10_000 });
    expect(await page.locator('#ent-name').textContent()).toBe('开封市鼓楼区老王烩面馆');
    expect(await page.locator('#ent-signed-in-as').textContent()).toBe('138****0951 已登录（法定代表人）');
    expect(await page.content()).not.toContain(SHOP_PHONE);
  });

  it('shows its inspections with officers, items and results, opens a trail in plain Chinese, and lists its penalty case with the supervision code', async () => {
    const inspection = page.locator('.ent-inspection[data-inspection-id="X1"]');
    await inspection.waitFor();
    expect(await inspection.locator('.ent-inspection__agency').textContent()).toBe('市市场监督管理局');
    expect(await inspection.locator('.ent-inspection__result').textContent()).toBe('责令整改');
    expect(await inspection.locator('.ent-inspection__officers').textContent()).toBe('执法人员：张伟（执法证号 豫C0000001）');
    expect(await inspection.locator('.ent-inspection__items').textContent()).toContain('食品经营许可检查（依据：《食品安全法》第三十五条）');
    expect(await inspection.locator('.ent-inspection__rating').textContent()).toContain('尚未评价');
    await inspection.locator('.ent-inspection__trail-open').click();
    await inspection.locator('.ent-trail__step').nth(1).waitFor();
    expect(await inspection.locator('.ent-trail__what').allTextContents()).toEqual(['入企', '检查结果：食品经营许可检查：责令整改，整改期限 2026-01-20']);
    expect(await inspection.locator('.ent-trail__who').first().textContent()).toBe('张伟（执法证号 豫C0000001）');
    expect(await page.content()).not.toContain('内部备注');

    const penalty = page.locator('.ent-case[data-case-id="PC1"]');
    expect(await penalty.locator('.ent-case__stage').textContent()).toBe('已告知，陈述申辩期');
    expect(await penalty.locator('.ent-case__code').isVisible()).toBe(true);
  });

  it('shows the inspection announced ahead with what to prepare, and tells the agency which half-days suit it', async () => {
    const notice = page.locator('.ent-notice[data-notice-id="PN1"]');
    await notice.waitFor();
    expect(await notice.locator('.ent-notice__prepare').allTextContents()).toContain('· 与“食品经营许可检查”有关的许可证照、台账和记录');
    const day = shanghaiDate(Date.now() + 3 * 86_400_000);
    await notice.locator(`.ent-slot[data-slot="${day}|pm"]`).click();
    expect(await notice.locator(`.ent-slot[data-slot="${day}|pm"]`).getAttribute('class')).toContain('ent-slot--on');
    await notice.locator('.ent-notice__save').click();
    await notice.locator('.ent-notice__saved').waitFor();
    expect(await t.dataSource.query('SELECT day, half FROM inspection_bookings')).toEqual([{ day, half: 'pm' }]);
  });

  it('complains from its page about an inspection: the supervisor\'s deadline, and the complaint listed with where it stands', async () => {
    await page.fill('#ent-complaint-content textarea', '检查人员未出示执法证件就进入后厨');
    await page.click('#ent-complaint-about-X1');
    await page.click('#ent-complaint-submit');
    await page.waitForSelector('#ent-complaint-received', { timeout: 10_000 });
    const [flagged] = await t.dataSource.query("SELECT id, deadline, inspection_id, source FROM flagged_cases WHERE source = 'complaint'");
    expect(flagged).toMatchObject({ inspection_id: 'X1', source: 'complaint' });
    expect(await page.locator('#ent-complaint-received').textContent()).toContain(`执法监督部门将在 ${flagged.deadline} 前办理`);
    expect(await page.locator('.ent-complaint').first().textContent()).toContain('检查人员未出示执法证件就进入后厨');
    expect(await page.locator('.ent-complaint__status').first().textContent()).toBe(`待分派 · 答复期限 ${flagged.deadline}`);
  });

  it('takes a complaint on the public form from /c, the contact phone verified by its code', async () => {
    const visitor = await (await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })).newPage();
    await visitor.goto(`${t.url}/c`);
    await visitor.waitForSelector('#pc-submit');
    await visitor.click('#pc-submit');
    expect(await visitor.locator('#pc-content-error').textContent()).toBe('请用至少5个字说明发生了什么');
    await visitor.fill('#pc-credit-code input', SHOP);
    await visitor.fill('#pc-phone input', '13600000953');
    await visitor.click('#pc-code-send');
    await visitor.waitForFunction(() => /秒后可重新获取/.test(document.querySelector('#pc-code-send')?.textContent ?? ''));
    const [sms] = await t.dataSource.query("SELECT text FROM sms_outbox WHERE text LIKE '%投诉联系电话核验%' ORDER BY id DESC LIMIT 1");
    await visitor.fill('#pc-code input', /验证码为(\d{6})/.exec(sms.text)![1]);
    await visitor.fill('#pc-content textarea', '同一部门本周第三次上门检查消防设施');
    await visitor.click('#pc-submit');
    await visitor.waitForSelector('#pc-received', { timeout: 10_000 });
    expect(await visitor.locator('#pc-received').textContent()).toContain('结果将以短信告知');
    expect(Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM complaints WHERE channel = 'public'"))[0].n)).toBe(1);
    await visitor.close();
  });

  it('adds a contact, shown masked, and removes it', async () => {
    await page.fill('#ent-contact-phone input', '13700000952');
    await page.fill('#ent-contact-title input', '财务负责人');
    await page.click('#ent-contact-add');
    await page.waitForFunction(() => document.querySelectorAll('.ent-contact').length === 2);
    expect(await page.locator('.ent-contact').nth(1).textContent()).toBe('137****0952财务负责人移除');
    expect(await page.content()).not.toContain('13700000952');
    await page.locator('.ent-contact__remove').click();
    await page.waitForFunction(() => document.querySelectorAll('.ent-contact').length === 1);
  });
});
