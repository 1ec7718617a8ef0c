import { UNREADABLE_PHONE } from '@mashang/shared';
import { PhoneCipher } from './phone-cipher.js';
import { phoneKeysConfig, singlePhoneKey, type PhoneKeys } from './phone-keys.js';

const OLD = Buffer.from('a3'.repeat(32), 'hex');
const NEW = Buffer.from('5c'.repeat(32), 'hex');
/** '13812345678' as the first version wrote it (deterministic IV) under OLD. */
const FIRST_VERSION_CIPHERTEXT = 'v1.PC2P8-ZeaH-FRk21E2rBdicGXtNhh-JKlFqEs3hv7OSA-mbiyIdw';

const rotated = (): PhoneKeys => ({ current: 2, keys: new Map([[2, NEW], [1, OLD]]), indexKey: singlePhoneKey(OLD).indexKey });

describe('phone cipher', () => {
  it('still reads what the first version wrote', () => {
    expect(new PhoneCipher(singlePhoneKey(OLD)).decrypt(FIRST_VERSION_CIPHERTEXT)).toBe('13812345678');
    expect(new PhoneCipher(rotated()).decrypt(FIRST_VERSION_CIPHERTEXT)).toBe('13812345678');
  });

  it('writes under the current key with a random IV, and reads every configured version', () => {
    const cipher = new PhoneCipher(rotated());
    const a = cipher.encrypt('13812345678')!;
    const b = cipher.encrypt('13812345678')!;
    expect(a).toMatch(/^v2\./);
    expect(a).not.toBe(b);
    expect([cipher.decrypt(a), cipher.decrypt(b)]).toEqual(['13812345678', '13812345678']);
    expect(cipher.currentPrefix).toBe('v2.');
    expect(cipher.encrypt(null)).toBeNull();
    expect(cipher.read(null)).toEqual({ state: 'none' });
  });

  it('answers a phone of an unknown version, or under a wrong key, as unreadable rather than failing', () => {
    const newOnly = new PhoneCipher({ current: 2, keys: new Map([[2, NEW]]), indexKey: NEW });
    expect(newOnly.read(FIRST_VERSION_CIPHERTEXT)).toEqual({ state: 'unreadable', version: 1 });
    expect(newOnly.decrypt(FIRST_VERSION_CIPHERTEXT)).toBeNull();
    expect(newOnly.masked(FIRST_VERSION_CIPHERTEXT)).toBe(UNREADABLE_PHONE);
    const wrongKey = new PhoneCipher(singlePhoneKey(NEW));
    expect(wrongKey.read(FIRST_VERSION_CIPHERTEXT)).toEqual({ state: 'unreadable', version: 1 });
    expect(wrongKey.read('garbage')).toEqual({ state: 'unreadable', version: null });
  });

  it('masks for answers', () => {
    const cipher = new PhoneCipher(rotated());
    expect(cipher.masked(cipher.encrypt('13812345678'))).toBe('138****5678');
    expect(cipher.masked(null)).toBeNull();
  });

  it('finds phones by a blind index of their own key, the same whatever key encrypts them', () => {
    const before = new PhoneCipher(singlePhoneKey(OLD));
    const after = new PhoneCipher(rotated());
    expect(before.index('13812345678')).toMatch(/^[0-9a-f]{64}$/);
    expect(after.index('13812345678')).toBe(before.index('13812345678'));
    expect(after.index('13812345679')).not.toBe(after.index('13812345678'));
    expect(new PhoneCipher({ ...rotated(), indexKey: NEW }).index('13812345678')).not.toBe(before.index('13812345678'));
    expect(after.index(null)).toBeNull();
  });
});

describe('phone key configuration', () => {
  const parse = (env: Record<string, string>) => {
    const problems: string[] = [];
    const keys = phoneKeysConfig(env, problems);
    return { keys, problems };
  };
  const hex = (b: Buffer) => b.toString('hex');

  it('takes PHONE_ENCRYPTION_KEY alone as version 1, the index key derived from it', () => {
    const { keys, problems } = parse({ PHONE_ENCRYPTION_KEY: hex(OLD) });
    expect(problems).toEqual([]);
    expect(keys).toEqual(singlePhoneKey(OLD));
  });

  it('takes versioned keys, the first the current one, PHONE_ENCRYPTION_KEY as version 1 beside them', () => {
    const { keys, problems } = parse({ PHONE_ENCRYPTION_KEYS: `2:${hex(NEW)}`, PHONE_ENCRYPTION_KEY: hex(OLD) });
    expect(problems).toEqual([]);
    expect(keys.current).toBe(2);
    expect([...keys.keys.entries()]).toEqual([[2, NEW], [1, OLD]]);
    expect(keys.indexKey).toEqual(singlePhoneKey(OLD).indexKey);
    const listed = parse({ PHONE_ENCRYPTION_KEYS: ` 3:${hex(NEW)} , 1:${hex(OLD)} `, PHONE_INDEX_KEY: '7e'.repeat(32) });
    expect(listed.problems).toEqual([]);
    expect(listed.keys.current).toBe(3);
    expect(listed.keys.indexKey).toEqual(Buffer.from('7e'.repeat(32), 'hex'));
  });

  it('lists every problem without echoing a key', () => {
    const { problems } = parse({ PHONE_ENCRYPTION_KEYS: `2:${hex(NEW)},2:${hex(OLD)},x:${hex(OLD)},0:${hex(OLD)}`, PHONE_ENCRYPTION_KEY: hex(NEW) });
    expect(problems).toEqual([
      'PHONE_ENCRYPTION_KEYS: version 2 is listed twice',
      expect.stringMatching(/^PHONE_ENCRYPTION_KEYS: entry 3 must be/),
      expect.stringMatching(/^PHONE_ENCRYPTION_KEYS: entry 4 must be/),
    ]);
    expect(problems.join('\n')).not.toContain(hex(OLD));
    expect(parse({ PHONE_ENCRYPTION_KEYS: `1:${hex(NEW)}`, PHONE_ENCRYPTION_KEY: hex(OLD) }).problems).toEqual([expect.stringMatching(/^PHONE_ENCRYPTION_KEY: is key version 1/)]);
    expect(parse({}).problems).toEqual([expect.stringMatching(/^PHONE_ENCRYPTION_KEY: required/)]);
    expect(parse({ PHONE_ENCRYPTION_KEY: 'zz' }).problems).toEqual(['PHONE_ENCRYPTION_KEY: must be 64 hex characters (32 bytes)']);
  });

  it('needs PHONE_INDEX_KEY when there is no version 1 to derive it from, and never one of the encryption keys', () => {
    expect(parse({ PHONE_ENCRYPTION_KEYS: `2:${hex(NEW)}` }).problems).toEqual([expect.stringMatching(/^PHONE_INDEX_KEY: required/)]);
    expect(parse({ PHONE_ENCRYPTION_KEYS: `2:${hex(NEW)}`, PHONE_INDEX_KEY: hex(NEW) }).problems).toEqual([expect.stringMatching(/^PHONE_INDEX_KEY: must differ/)]);
    expect(parse({ PHONE_ENCRYPTION_KEY: hex(OLD), PHONE_INDEX_KEY: 'short' }).problems).toEqual([expect.stringMatching(/^PHONE_INDEX_KEY: must be 64 hex/)]);
  });
});
