/** Masks a phone for display and logs: 13812345678 → 138****5678. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/**
 * Shown instead of a stored phone that no configured key decrypts (its key version is not
 * configured, or the key is not the one it was written with): the answer goes on without it.
 */
export const UNREADABLE_PHONE = '无法读取';
