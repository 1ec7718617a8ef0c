import { chromium, type Browser } from 'playwright-core';
import { seedTwoAgencies } from '../support/fixtures.js';
import { forgetLoginAttempts, startTestApp, type TestApp } from '../support/test-app.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('H5 login in a real browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp('h5_login', { listen: true });
    await seedTwoAgencies(t.dataSource);
    // The wrong password typed below counts against these for a while: start from none.
    await forgetLoginAttempts(t.app, { accounts: ['officer1'], addresses: ['127.0.0.1'] });
    await t.dataSource.query(
      "INSERT INTO enterprises (credit_code, name, industry, region, credit_grade) VALUES ('91440300708461136T', '开封宏达机械制造有限公司', 'manufacturing', '410202', 'B')",
    );
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an officer on a phone-sized screen signs in, sees who they are and searches the register', async () => {
    expect(t.config.h5Dir).not.toBeNull();
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${t.url}/h5/`);

    await page.fill('#username input', 'officer1');
    await page.fill('#password input', 'wrong-password');
    await page.click('#login-submit');
    await expect(page.locator('#login-error').textContent({ timeout: 10_000 })).resolves.toContain('账号或密码不正确');

    await page.fill('#password input', 'demo1234');
    await page.click('#login-submit');
    await page.waitForSelector('#home-user', { timeout: 10_000 });
    expect(await page.locator('#home-user').textContent()).toContain('欢迎，officer1');

    await page.fill('#enterprise-search input', '宏达');
    await page.click('#enterprise-search-submit');
    await page.waitForFunction(() => document.querySelector('#enterprise-list')?.textContent?.includes('91440300708461136T'), null, { timeout: 10_000 });
    expect(await page.locator('#enterprise-list').textContent()).toContain('开封宏达机械制造有限公司');
  });
});
