import { createHmac } from 'node:crypto';

/** The keys that protect stored phones. */
export interface PhoneKeys {
  /** The version new ciphertexts are written under. */
  current: number;
  /** Every configured key by version: an older one still decrypts what was written under it. */
  keys: ReadonlyMap<number, Buffer>;
  /** HMAC key of the blind index: a stored phone is found by it without being decrypted. */
  indexKey: Buffer;
}

/** Key versions run 1–9999; a ciphertext names its version in its prefix (`v2.`). */
export const MAX_KEY_VERSION = 9999;

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/**
 * The index key of a set-up that never set PHONE_INDEX_KEY: derived from key version 1, so it stays
 * the same as long as that key is configured.
 */
function derivedIndexKey(versionOne: Buffer): Buffer {
  return createHmac('sha256', versionOne).update('phone-index').digest();
}

/** One key as version 1 with the index key derived from it: what PHONE_ENCRYPTION_KEY alone configures. */
export function singlePhoneKey(key: Buffer): PhoneKeys {
  return { current: 1, keys: new Map([[1, key]]), indexKey: derivedIndexKey(key) };
}

/**
 * PHONE_ENCRYPTION_KEYS (`2:<hex>,1:<hex>`, the current key first), PHONE_ENCRYPTION_KEY (version 1,
 * as before versions existed) and PHONE_INDEX_KEY. Problems are added to `problems`, never echoing a key.
 */
export function phoneKeysConfig(env: NodeJS.ProcessEnv, problems: string[]): PhoneKeys {
  const listText = env.PHONE_ENCRYPTION_KEYS?.trim() ?? '';
  const singleText = env.PHONE_ENCRYPTION_KEY?.trim() ?? '';
  const keys = new Map<number, Buffer>();
  let current = 0;
  let valid = true;
  if (!listText && !singleText) {
    problems.push('PHONE_ENCRYPTION_KEY: required (or PHONE_ENCRYPTION_KEYS for versioned keys)');
    valid = false;
  }
  listText.split(',').map((entry) => entry.trim()).filter(Boolean).forEach((entry, i) => {
    const match = /^(\d{1,4}):(.*)$/.exec(entry);
    const version = Number(match?.[1]);
    if (!match || version < 1 || !HEX_KEY.test(match[2])) {
      problems.push(`PHONE_ENCRYPTION_KEYS: entry ${i + 1} must be <version>:<64 hex characters>, the version 1–${MAX_KEY_VERSION}`);
      valid = false;
    } else if (keys.has(version)) {
      problems.push(`PHONE_ENCRYPTION_KEYS: version ${version} is listed twice`);
      valid = false;
    } else {
      keys.set(version, Buffer.from(match[2], 'hex'));
      current ||= version;
    }
  });
  if (singleText && !HEX_KEY.test(singleText)) {
    problems.push('PHONE_ENCRYPTION_KEY: must be 64 hex characters (32 bytes)');
    valid = false;
  } else if (singleText) {
    const single = Buffer.from(singleText, 'hex');
    if (keys.has(1) && !keys.get(1)!.equals(single)) {
      problems.push('PHONE_ENCRYPTION_KEY: is key version 1, and PHONE_ENCRYPTION_KEYS gives version 1 another key');
      valid = false;
    }
    keys.set(1, single);
    current ||= 1;
  }

  const indexText = env.PHONE_INDEX_KEY?.trim() ?? '';
  let indexKey: Buffer = Buffer.alloc(32);
  if (indexText) {
    if (!HEX_KEY.test(indexText)) problems.push('PHONE_INDEX_KEY: must be 64 hex characters (32 bytes)');
    else indexKey = Buffer.from(indexText, 'hex');
    if ([...keys.values()].some((key) => key.equals(indexKey))) problems.push('PHONE_INDEX_KEY: must differ from every phone encryption key');
  } else if (keys.has(1)) {
    indexKey = derivedIndexKey(keys.get(1)!);
  } else if (valid) {
    problems.push('PHONE_INDEX_KEY: required when no key version 1 is configured (64 hex characters)');
  }
  return { current, keys, indexKey };
}
