/**
 * Tokens already verified, kept until they expire: checking a signature costs more than the rest of the
 * guard, and a phone sends the same token with every request. Keyed by the whole token, so any other
 * string is verified afresh. Bounded: when full, the oldest entry goes.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly capacity = 10_000) {}

  get(token: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  /** `expiresAt` in milliseconds; a token without an expiry is not kept. */
  set(token: string, value: T, expiresAt: number | undefined): void {
    if (expiresAt === undefined || !Number.isFinite(expiresAt)) return;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { value, expiresAt });
  }
}
