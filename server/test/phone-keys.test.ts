import { buildCreditCode, UNREADABLE_PHONE } from '@mashang/shared';
import { PhoneCipher } from '../src/infra/crypto/phone-cipher.js';
import { rotatePhones } from '../src/infra/crypto/phone-rotation.js';
import { storedPhoneColumns } from '../src/phone-columns.js';
import { seedTwoAgencies } from './support/fixtures.js';
import { call, login, startTestApp, TEST_PHONE_KEY, testPhoneCipher, type TestApp } from './support/test-app.js';

const NEW_KEY = '5c'.repeat(32);
const INDEX_KEY = '7e'.repeat(32);
/** '13812345678' as the first version wrote it (deterministic IV) under TEST_PHONE_KEY. */
const FIRST_VERSION_CIPHERTEXT = 'v1.PC2P8-ZeaH-FRk21E2rBdicGXtNhh-JKlFqEs3hv7OSA-mbiyIdw';
const SHOP = buildCreditCode('92410202', 'MA000801');
const MILL = buildCreditCode('91410200', 'MA000802');
const LATE = buildCreditCode('91410200', 'MA000803');
const rotatedCipher = () => new PhoneCipher({ current: 2, keys: new Map([[2, Buffer.from(NEW_KEY, 'hex')], [1, Buffer.from(TEST_PHONE_KEY, 'hex')]]), indexKey: Buffer.from(INDEX_KEY, 'hex') });

describe('phone key rotation: versioned keys, re-encryption, blind-index look-ups', () => {
  let first: TestApp;
  let databaseUrl = '';

  /** The app on the same database with other keys, as after a restart with a new configuration. */
  const restartWith = (name: string, env: Record<string, string>) => startTestApp(name, { env: { DATABASE_URL: databaseUrl, ...env } });

  /** Two accepted Aliyun messages of one batch send (one BizId), told apart by their phones. */
  async function acceptedBatch(ds: TestApp['dataSource'], phones: PhoneCipher, batch: string, indexed: boolean): Promise<void> {
    for (const [n, phone] of [[1, '13800000001'], [2, '13800000002']] as const) {
      const invite = `${batch}-inv${n}`;
      await ds.query(
        "INSERT INTO rating_invites (id, group_id, credit_code, phone_cipher, phone_index, mode, token_hash, inspection_date, created_at, expires_at) VALUES (?, ?, ?, ?, ?, 'link', ?, '2026-05-09', NOW(), NOW() + INTERVAL 7 DAY)",
        [invite, `${batch}-G${n}`, SHOP, phones.encrypt(phone), indexed ? phones.index(phone) : null, `${batch}${n}`.padEnd(64, '0')],
      );
      await ds.query(
        "INSERT INTO sms_messages (id, invite_id, kind, provider, status, provider_message_id, queued_at, due_at, accepted_at) VALUES (?, ?, 'invite', 'aliyun', 'accepted', ?, NOW(), NOW(), NOW())",
        [`${invite}-m`, invite, `biz-${batch}`],
      );
    }
  }
  const statusOf = async (ds: TestApp['dataSource'], batch: string) =>
    (await ds.query('SELECT status FROM sms_messages WHERE provider_message_id = ? ORDER BY id', [`biz-${batch}`])).map((r: { status: string }) => r.status);
  const receipt = (t: TestApp, batch: string, phone: string) =>
    call(t.app, 'POST', '/api/sms/receipts/aliyun', { body: [{ biz_id: `biz-${batch}`, phone_number: phone, success: true }] });

  beforeAll(async () => {
    first = await startTestApp('phone_keys');
    databaseUrl = first.config.databaseUrl;
    await seedTwoAgencies(first.dataSource);
    const supervisor = await login(first.app, 'supervisor');
    const created = await call(first.app, 'POST', '/api/registry/enterprises', { token: supervisor, body: { creditCode: SHOP, name: '老王烩面馆', industry: 'catering', region: '410204', phone: '13912345678', creditGrade: 'B' } });
    expect(created.status).toBe(201);
    expect((await call(first.app, 'PATCH', '/api/registry/officers/O1', { token: supervisor, body: { phone: '13712345678' } })).status).toBe(200);
    // A phone stored by the first version, before versions existed.
    await first.dataSource.query("INSERT INTO enterprises (credit_code, name, industry, region, phone_cipher, credit_grade) VALUES (?, '宏达机械', 'manufacturing', '410202', ?, 'B')", [MILL, FIRST_VERSION_CIPHERTEXT]);
    // Invites made before the blind index existed, and an outbox entry.
    await acceptedBatch(first.dataSource, testPhoneCipher(), 'old', false);
    await first.dataSource.query("INSERT INTO sms_outbox (message_id, phone_cipher, text, link, sent_at) VALUES ('old-inv1-m', ?, '您好', 'http://x/r/y', NOW())", [testPhoneCipher().encrypt('13800000001')]);
    // A contact of the enterprise's port, found by its blind index.
    await first.dataSource.query("INSERT INTO enterprise_contacts (id, credit_code, phone_cipher, phone_index, title, added_at) VALUES ('C1', ?, ?, ?, '财务', NOW(3))", [SHOP, testPhoneCipher().encrypt('13512345678'), testPhoneCipher().index('13512345678')]);
    // A complaint's contact phone (码上响应).
    await first.dataSource.query(
      "INSERT INTO complaints (id, channel, credit_code, phone_cipher, phone_index, contact_registered, content, received_at, deadline, flagged_case_id, actor) VALUES ('Q1', 'public', ?, ?, ?, 0, '反映内容', NOW(3), '2026-12-31', 'F1', 'enterprise')",
      [SHOP, testPhoneCipher().encrypt('13412345678'), testPhoneCipher().index('13412345678')],
    );
    await first.close();
  });

  it('reads phones of the old key after a new one is added, writes under the new one, and rotate-phones converts every stored phone', async () => {
    const t = await restartWith('phone_keys_added', { PHONE_ENCRYPTION_KEYS: `2:${NEW_KEY}`, PHONE_ENCRYPTION_KEY: TEST_PHONE_KEY, PHONE_INDEX_KEY: INDEX_KEY });
    try {
      const supervisor = await login(t.app, 'supervisor');
      expect((await call(t.app, 'GET', `/api/registry/enterprises/${SHOP}`, { token: supervisor })).body.phone).toBe('139****5678');
      expect((await call(t.app, 'GET', `/api/registry/enterprises/${MILL}`, { token: supervisor })).body.phone).toBe('138****5678');
      expect((await call(t.app, 'GET', '/api/registry/officers/O1', { token: supervisor })).body.phone).toBe('137****5678');
      expect((await call(t.app, 'PATCH', `/api/registry/enterprises/${MILL}`, { token: supervisor, body: { creditGrade: 'A' } })).status).toBe(200);
      const [kept] = await t.dataSource.query('SELECT phone_cipher FROM enterprises WHERE credit_code = ?', [MILL]);
      expect(kept.phone_cipher).toBe(FIRST_VERSION_CIPHERTEXT);
      await call(t.app, 'POST', '/api/registry/enterprises', { token: supervisor, body: { creditCode: LATE, name: '新厂', industry: 'manufacturing', region: '410202', phone: '13612345678', creditGrade: 'B' } });
      const [late] = await t.dataSource.query('SELECT phone_cipher FROM enterprises WHERE credit_code = ?', [LATE]);
      expect(late.phone_cipher).toMatch(/^v2\./);

      // rotate-phones covers every column of encrypted phones there is.
      const columns = await t.dataSource.query("SELECT table_name AS t FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'phone_cipher' ORDER BY table_name");
      expect(storedPhoneColumns(t.dataSource).map((c) => c.table).sort()).toEqual(columns.map((c: { t: string }) => c.t).sort());

      const result = await rotatePhones(rotatedCipher(), storedPhoneColumns(t.dataSource), { batchSize: 2 });
      expect(result.unreadable).toBe(0);
      expect(Object.fromEntries(result.byTable.map((r) => [r.table, r.rewritten]))).toEqual({ enterprises: 2, officers: 1, rating_invites: 2, sms_outbox: 1, enterprise_contacts: 1, complaints: 1 });
      for (const table of ['enterprises', 'officers', 'rating_invites', 'sms_outbox', 'enterprise_contacts', 'complaints']) {
        const rows: { phone_cipher: string }[] = await t.dataSource.query(`SELECT phone_cipher FROM ${table} WHERE phone_cipher IS NOT NULL`);
        expect(rows.every((r) => r.phone_cipher.startsWith('v2.'))).toBe(true);
      }
      const [{ missing }] = await t.dataSource.query('SELECT COUNT(*) AS missing FROM rating_invites WHERE phone_cipher IS NOT NULL AND phone_index IS NULL');
      expect(Number(missing)).toBe(0);
      // The contact's index now under the configured index key: the port still finds it.
      const [contact] = await t.dataSource.query("SELECT phone_index FROM enterprise_contacts WHERE id = 'C1'");
      expect(contact.phone_index).toBe(rotatedCipher().index('13512345678'));
      // Run again, as after an interruption: nothing left to do.
      expect((await rotatePhones(rotatedCipher(), storedPhoneColumns(t.dataSource))).rewritten).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('with only the new key: phones still read, receipts still find their message by the blind index, and an unknown version does not fail a read', async () => {
    const t = await restartWith('phone_keys_new_only', { PHONE_ENCRYPTION_KEYS: `2:${NEW_KEY}`, PHONE_ENCRYPTION_KEY: '', PHONE_INDEX_KEY: INDEX_KEY });
    try {
      const supervisor = await login(t.app, 'supervisor');
      expect((await call(t.app, 'GET', `/api/registry/enterprises/${MILL}`, { token: supervisor })).body.phone).toBe('138****5678');

      // The batch sent before the upgrade, indexed by rotate-phones; and one sent after, indexed when invited.
      expect((await receipt(t, 'old', '13800000002')).status).toBe(200);
      expect(await statusOf(t.dataSource, 'old')).toEqual(['accepted', 'delivered']);
      await acceptedBatch(t.dataSource, rotatedCipher(), 'new', true);
      await receipt(t, 'new', '13800000001');
      expect(await statusOf(t.dataSource, 'new')).toEqual(['delivered', 'accepted']);

      // A phone under a key version no longer configured: the read answers, the phone shown as unreadable.
      await t.dataSource.query('UPDATE enterprises SET phone_cipher = ? WHERE credit_code = ?', [FIRST_VERSION_CIPHERTEXT, MILL]);
      const one = await call(t.app, 'GET', `/api/registry/enterprises/${MILL}`, { token: supervisor });
      expect(one.status).toBe(200);
      expect(one.body.phone).toBe(UNREADABLE_PHONE);
      const list = await call(t.app, 'GET', '/api/registry/enterprises', { token: supervisor });
      expect(list.status).toBe(200);
      expect(list.body.items.find((e: { creditCode: string }) => e.creditCode === MILL).phone).toBe(UNREADABLE_PHONE);
      // Editing something else keeps the unreadable phone as it is, to be read once its key is back.
      expect((await call(t.app, 'PATCH', `/api/registry/enterprises/${MILL}`, { token: supervisor, body: { name: '宏达机械厂' } })).status).toBe(200);
      const [kept] = await t.dataSource.query('SELECT phone_cipher FROM enterprises WHERE credit_code = ?', [MILL]);
      expect(kept.phone_cipher).toBe(FIRST_VERSION_CIPHERTEXT);

      const newOnly = new PhoneCipher({ current: 2, keys: new Map([[2, Buffer.from(NEW_KEY, 'hex')]]), indexKey: Buffer.from(INDEX_KEY, 'hex') });
      expect(await rotatePhones(newOnly, storedPhoneColumns(t.dataSource))).toMatchObject({ rewritten: 0, unreadable: 1 });
      // The old key given back, it is read again.
      expect(testPhoneCipher().decrypt(kept.phone_cipher)).toBe('13812345678');
    } finally {
      await t.close();
    }
  });
});
