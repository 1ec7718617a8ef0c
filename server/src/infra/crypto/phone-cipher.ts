import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { maskPhone, UNREADABLE_PHONE } from '@mashang/shared';
import { MAX_KEY_VERSION, type PhoneKeys } from './phone-keys.js';

/** What a stored phone reads as. */
export type StoredPhone =
  | { state: 'none' }
  | { state: 'clear'; phone: string }
  /** No configured key opens it: its version is not configured (`version`), or the key is not the one it was written with. */
  | { state: 'unreadable'; version: number | null };

const CIPHERTEXT = /^v(\d{1,4})\.([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Problems already logged, by kind and version: a missing key is reported once per process, not once per row. */
const reported = new Set<string>();
const logger = new Logger('PhoneCipher');

function reportOnce(key: string, message: string): void {
  if (reported.has(key)) return;
  reported.add(key);
  logger.warn(message);
}

/**
 * Encrypts phone numbers at rest with AES-256-GCM under versioned keys: a ciphertext is
 * `v<version>.<base64url(iv | tag | ciphertext)>` and is decrypted with the key of its version, so a new
 * key can be added while the old one still reads what it wrote (`npm run cli -- rotate-phones` then
 * rewrites everything under the new one). IVs are random: equal phones give different ciphertexts.
 * A stored phone is found by its blind index (`index`, an HMAC under a key of its own), never by its
 * ciphertext. Ciphertexts of the first version (a deterministic IV) decrypt the same way.
 */
export class PhoneCipher {
  /** The AES key of each version, derived from the configured key. */
  private readonly encryptionKeys = new Map<number, Buffer>();
  readonly currentVersion: number;
  private readonly indexKey: Buffer;

  constructor(keys: PhoneKeys) {
    for (const [version, key] of keys.keys) {
      if (key.length !== 32 || version < 1 || version > MAX_KEY_VERSION) throw new Error(`phone key version ${version}: must be 32 bytes, its version 1–${MAX_KEY_VERSION}`);
      this.encryptionKeys.set(version, createHmac('sha256', key).update('phone-encryption').digest());
    }
    if (!this.encryptionKeys.has(keys.current)) throw new Error(`phone key version ${keys.current} (the current one) is not configured`);
    if (keys.indexKey.length !== 32) throw new Error('the phone index key must be 32 bytes');
    this.currentVersion = keys.current;
    this.indexKey = keys.indexKey;
  }

  /** The prefix of every ciphertext written under the current key. */
  get currentPrefix(): string {
    return `v${this.currentVersion}.`;
  }

  encrypt(phone: string | null | undefined): string | null {
    if (!phone) return null;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKeys.get(this.currentVersion)!, iv);
    const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
    return `${this.currentPrefix}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  read(stored: string | null | undefined): StoredPhone {
    if (!stored) return { state: 'none' };
    const match = CIPHERTEXT.exec(stored);
    if (!match) {
      reportOnce('format', 'a stored phone is not a ciphertext this server writes; it is answered as unreadable');
      return { state: 'unreadable', version: null };
    }
    const version = Number(match[1]);
    const key = this.encryptionKeys.get(version);
    if (!key) {
      reportOnce(`missing:${version}`, `phones encrypted under key version ${version} cannot be read: add that key to PHONE_ENCRYPTION_KEYS (they are answered as unreadable until then)`);
      return { state: 'unreadable', version };
    }
    const raw = Buffer.from(match[2], 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return { state: 'clear', phone: Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8') };
    } catch {
      reportOnce(`wrong:${version}`, `a phone under key version ${version} does not decrypt with the configured key of that version: is it the key it was written with?`);
      return { state: 'unreadable', version };
    }
  }

  /** The phone in clear; null when none is stored or it cannot be read (logged once). */
  decrypt(stored: string | null | undefined): string | null {
    const phone = this.read(stored);
    return phone.state === 'clear' ? phone.phone : null;
  }

  /**
   * The phone in clear for comparing versions of a record: UNREADABLE_PHONE when no configured key
   * opens it, so an unreadable phone never equals a phone given anew (nor "none").
   */
  comparable(stored: string | null | undefined): string | null {
    const phone = this.read(stored);
    return phone.state === 'clear' ? phone.phone : phone.state === 'unreadable' ? UNREADABLE_PHONE : null;
  }

  /** The phone as answers show it: masked, null when none, UNREADABLE_PHONE when no configured key opens it. */
  masked(stored: string | null | undefined): string | null {
    const phone = this.read(stored);
    return phone.state === 'clear' ? maskPhone(phone.phone) : phone.state === 'unreadable' ? UNREADABLE_PHONE : null;
  }

  /** The blind index of a phone (hex HMAC-SHA256): equal phones, equal indexes; it decrypts nothing. */
  index(phone: string | null | undefined): string | null {
    return phone ? createHmac('sha256', this.indexKey).update(phone).digest('hex') : null;
  }
}
