/**
 * 一企一册: the compliance booklet as a real PDF, read back with a PDF parser (pdfjs-dist): its Chinese
 * text, the items that apply to the enterprise by industry and agency with their guidance, its own
 * inspection history, the contact masked; the signed-in enterprise gets its own booklet only, officers
 * and desks any enterprise's to print.
 */
import { buildCreditCode, importActor } from '@mashang/shared';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExchangeImporter } from '../src/modules/exchange/exchange-import.js';
import { signInFromOutbox } from './support/enterprise-port.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, testPhoneCipher, type TestApp } from './support/test-app.js';

const SHOP = buildCreditCode('92410202', 'MA000821');
const MILL = buildCreditCode('91410200', 'MA000822');
const SHOP_PHONE = '13800000821';
const MILL_PHONE = '13900000822';

/** The PDF of an answer, and its text page by page as a reader extracts it. */
async function pdfOf(t: TestApp, url: string, token: string): Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer; text: string; pages: number; size?: number[] }> {
  const response = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const bytes = response.rawPayload;
  if (response.statusCode !== 200) return { status: response.statusCode, headers: response.headers, bytes, text: '', pages: 0 };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const document = await loading.promise;
  const texts: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  const pages = document.numPages;
  const size = (await document.getPage(1)).view.slice(2).map(Math.round);
  await loading.destroy();
  return { status: response.statusCode, headers: response.headers, bytes, text: texts.join('\n'), pages, size };
}

describe('the compliance booklet (一企一册)', () => {
  let t: TestApp;
  let shop: string;
  let mill: string;

  beforeAll(async () => {
    t = await startTestApp('booklet', { env: { SMS_PROVIDER: 'outbox' } });
    const ds = t.dataSource;
    await seedTwoAgencies(ds);
    await ds.query(
      `INSERT INTO items (id, agency_id, name, basis, no_disturb, industries, common_violations, compliance_guide) VALUES
       ('I1', 'A1', '食品经营许可检查', '《中华人民共和国食品安全法》第三十五条', 0, '餐饮服务、食品销售', '超出许可范围经营；许可证过期未延续', '在许可范围内经营，到期前三十个工作日申请延续'),
       ('I2', 'A2', '疏散通道检查', '《中华人民共和国消防法》第二十八条', 0, '', '占用、堵塞疏散通道', '保持疏散通道、安全出口畅通'),
       ('I3', 'A1', '特种设备使用安全检查', '《中华人民共和国特种设备安全法》第五十七条', 0, '制造业', '使用未经检验的特种设备', '按期申报定期检验'),
       ('I4', 'A1', '营业执照公示信息检查', '《企业信息公示暂行条例》第十四条', 1, '餐饮服务', '', '')`,
    );
    const cipher = testPhoneCipher();
    await ds.query("INSERT INTO enterprises (credit_code, name, industry, region, credit_grade, phone_cipher) VALUES (?, '老王烩面馆', '餐饮服务', '410204', 'C', ?), (?, '宏达机械', '制造业', '410202', 'B', ?)",
      [SHOP, cipher.encrypt(SHOP_PHONE), MILL, cipher.encrypt(MILL_PHONE)]);
    // The shop was inspected by the fire service on an item no industry names (16:30 UTC is the next day in Shanghai).
    await ds.query("INSERT INTO inspections (id, agency_id, credit_code, trigger_type, started_at, finished_at, coded, result, officer_count) VALUES ('X1', 'A2', ?, 'complaint', '2026-03-01 16:30:00', '2026-03-01 17:30:00', 1, 'rectify', 1)", [SHOP]);
    await ds.query("INSERT INTO inspection_officers (inspection_id, officer_id, position, agency_id, credit_code, started_at, finished_at) SELECT id, 'O2', 0, agency_id, credit_code, started_at, finished_at FROM inspections WHERE id = 'X1'");
    await ds.query("INSERT INTO inspection_items (inspection_id, item_id, position, trigger_type, started_at) SELECT id, 'I2', 0, trigger_type, started_at FROM inspections WHERE id = 'X1'");
    shop = await signInFromOutbox(t.app, ds, SHOP, SHOP_PHONE);
    mill = await signInFromOutbox(t.app, ds, MILL, MILL_PHONE);
  });
  afterAll(() => t?.close());

  it('gives the signed-in enterprise its own booklet: a valid A4 PDF with its Chinese text, items by industry and agency with guidance, its history', async () => {
    const pdf = await pdfOf(t, '/api/enterprise/booklet', shop);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain(encodeURIComponent('一企一册-老王烩面馆.pdf'));
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.size).toEqual([595, 842]);
    // The font is embedded as a subset: the whole font is ten megabytes.
    expect(pdf.bytes.length).toBeLessThan(300_000);
    const text = pdf.text.replace(/\s+/g, '');
    for (const expected of [
      '企业合规手册', '一企一册', '老王烩面馆', SHOP, '餐饮服务',
      '市市场监督管理局', '食品经营许可检查', '《中华人民共和国食品安全法》第三十五条', '超出许可范围经营', '到期前三十个工作日申请延续', '本行业适用',
      '营业执照公示信息检查', '暂未提供', '无事不扰',
      '市消防救援支队', '疏散通道检查', '占用、堵塞疏散通道', '曾对本企业检查',
      '本企业检查记录', '2026-03-02', '投诉举报', '责令整改',
      '138****0821',
    ]) expect(text).toContain(expected);
    // Not its industry's, never inspected; nobody else's name; no phone in clear.
    expect(text).not.toContain('特种设备使用安全检查');
    expect(text).not.toContain('宏达机械');
    expect(text).not.toContain(SHOP_PHONE);
    expect(text).toContain('第1页/共');
  });

  it('gives another enterprise its own booklet and nothing of the first', async () => {
    const pdf = await pdfOf(t, '/api/enterprise/booklet', mill);
    expect(pdf.status).toBe(200);
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('宏达机械');
    expect(text).toContain('特种设备使用安全检查');
    expect(text).toContain('暂无检查记录');
    expect(text).not.toContain('老王烩面馆');
    expect(text).not.toContain('疏散通道检查');
  });

  it('refuses an enterprise another enterprise\'s booklet, and an enterprise\'s session anywhere but its own port', async () => {
    expect((await call(t.app, 'GET', `/api/booklets/${SHOP}`, { token: mill })).status).toBe(403);
    expect((await call(t.app, 'GET', `/api/booklets/${MILL}`, { token: mill })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/enterprise/booklet')).status).toBe(401);
    expect((await call(t.app, 'GET', `/api/booklets/${SHOP}`)).status).toBe(401);
    // Naming another enterprise on its own port changes nothing: the session decides whose booklet it is.
    const asked = (await pdfOf(t, `/api/enterprise/booklet?creditCode=${MILL}`, shop)).text.replace(/\s+/g, '');
    expect(asked).toContain('老王烩面馆');
    expect(asked).not.toContain('宏达机械');
  });

  it('lets an officer fetch any enterprise\'s booklet to print; officers\' tokens are refused on the enterprise\'s port', async () => {
    const officer = await login(t.app, 'officer1');
    const pdf = await pdfOf(t, `/api/booklets/${SHOP}`, officer);
    expect(pdf.status).toBe(200);
    expect(pdf.text.replace(/\s+/g, '')).toContain('老王烩面馆');
    expect(pdf.text).not.toContain(SHOP_PHONE);
    expect((await call(t.app, 'GET', '/api/enterprise/booklet', { token: officer })).status).toBe(403);
    const unknown = await call(t.app, 'GET', `/api/booklets/${buildCreditCode('91410200', 'MA000899')}`, { token: officer });
    expect(unknown.status).toBe(404);
    const malformed = await call(t.app, 'GET', '/api/booklets/not-a-code', { token: officer });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].field).toBe('creditCode');
  });

  it('keeps the guidance through an exchange-format import, which does not carry it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'booklet-import-'));
    try {
      writeFileSync(join(dir, 'items.jsonl'), `${JSON.stringify({ id: 'I1', agencyId: 'A1', name: '食品经营许可及管理制度检查', basis: '《中华人民共和国食品安全法》第三十五条' })}\n`);
      const result = await ExchangeImporter.on(t.dataSource, testPhoneCipher(), { actor: importActor('booklet-test') }).import(dir);
      expect(result.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const [item] = await t.dataSource.query("SELECT name, industries, common_violations, compliance_guide FROM items WHERE id = 'I1'");
    expect(item).toEqual({ name: '食品经营许可及管理制度检查', industries: '餐饮服务、食品销售', common_violations: '超出许可范围经营；许可证过期未延续', compliance_guide: '在许可范围内经营，到期前三十个工作日申请延续' });
  });

  it('follows the items register: guidance edited in the console is in the next booklet', async () => {
    const admin = await login(t.app, 'admin1');
    expect((await call(t.app, 'PATCH', '/api/registry/items/I4', { token: admin, body: { commonViolations: '未按时报送年度报告', complianceGuide: '每年6月30日前报送年度报告' } })).status).toBe(200);
    const text = (await pdfOf(t, '/api/enterprise/booklet', shop)).text.replace(/\s+/g, '');
    expect(text).toContain('每年6月30日前报送年度报告');
  });
});
