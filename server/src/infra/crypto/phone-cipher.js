import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
/**
 * Encrypts phone numbers at rest with AES-256-GCM. The IV is derived from the phone (HMAC), so the
 * same phone always gives the same ciphertext: re-importing an unchanged register changes no row,
 * and equality look-ups work without decrypting. Phones are low-entropy, so the key must stay secret.
 */
export class PhoneCipher {
    encryptionKey;
    ivKey;
    constructor(key) {
        if (key.length !== 32)
            throw new Error('phone encryption key must be 32 bytes');
        this.encryptionKey = createHmac('sha256', key).update('phone-encryption').digest();
        this.ivKey = createHmac('sha256', key).update('phone-iv').digest();
    }
    encrypt(phone) {
        if (!phone)
            return null;
        const iv = createHmac('sha256', this.ivKey).update(phone).digest().subarray(0, 12);
        const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
        const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
        return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    }
    decrypt(stored) {
        if (!stored)
            return null;
        if (!stored.startsWith('v1.'))
            throw new Error('unknown phone cipher format');
        const raw = Buffer.from(stored.slice(3), 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    }
}
