interface Entry {
  value: number;
  /** Epoch ms; null: no expiry. */
  expiresAt: number | null;
}

/**
 * Integer keys with expiry kept in this process, with the semantics of the Redis commands the
 * throttles use (INCR, DECR, EXPIRE [NX], SET PX, GET, PTTL, TTL, DEL): their stand-in while Redis is
 * out of reach. At most `maxKeys` keys: beyond that, expired keys go first, then the oldest.
 */
export class LocalCounters {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxKeys = 100_000, private readonly clock: () => number = Date.now) {}

  get(key: string): number | null {
    return this.live(key)?.value ?? null;
  }

  incr(key: string): number {
    return this.add(key, 1);
  }

  decr(key: string): number {
    return this.add(key, -1);
  }

  /** EXPIRE key seconds [NX]: false when the key does not exist (or, with `onlyIfNone`, already expires). */
  expire(key: string, seconds: number, onlyIfNone = false): boolean {
    const entry = this.live(key);
    if (!entry || (onlyIfNone && entry.expiresAt !== null)) return false;
    entry.expiresAt = this.clock() + seconds * 1000;
    return true;
  }

  /** SET key value PX ms. */
  set(key: string, value: number, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock() + ttlMs });
    this.bound();
  }

  /** PTTL: ms left; -2 for no key, -1 for a key without expiry. */
  pttl(key: string): number {
    const entry = this.live(key);
    if (!entry) return -2;
    return entry.expiresAt === null ? -1 : entry.expiresAt - this.clock();
  }

  /** TTL: seconds left, rounded as Redis does; -2 for no key, -1 for a key without expiry. */
  ttl(key: string): number {
    const ms = this.pttl(key);
    return ms < 0 ? ms : Math.floor((ms + 500) / 1000);
  }

  del(...keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private add(key: string, by: number): number {
    const entry = this.live(key);
    if (entry) return (entry.value += by);
    this.entries.set(key, { value: by, expiresAt: null });
    this.bound();
    return by;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private bound(): void {
    if (this.entries.size <= this.maxKeys) return;
    const now = this.clock();
    for (const [key, entry] of this.entries) if (entry.expiresAt !== null && entry.expiresAt <= now) this.entries.delete(key);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break;
      this.entries.delete(key);
    }
  }
}
