/** Whose sessions an entry belongs to: a user's id, or an enterprise's credit code. */
type Owner = number | string;

interface Entry {
  owner: Owner;
  live: boolean | Promise<boolean>;
  until: number;
}

/**
 * What this process last learnt about each session (live or not), kept for `ttlMs`, so a request costs no
 * database round trip. Ending a session drops its user's entries here at once; the TTL bounds how long a
 * process that missed that notice may still answer from memory. One look-up at a time per session:
 * requests arriving while it runs share it. Bounded: when full, the oldest entry goes.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The cached answer, or the look-up's (then kept); `lookUp` runs only on a miss. */
  isLive(sessionId: string, owner: Owner, lookUp: () => Promise<boolean>): boolean | Promise<boolean> {
    const cached = this.entries.get(sessionId);
    if (cached && cached.until > this.clock()) return cached.live;
    if (cached) this.entries.delete(sessionId);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    const entry: Entry = { owner, live: false, until: Number.POSITIVE_INFINITY };
    entry.live = lookUp().then(
      (live) => {
        // Dropped meanwhile (the session ended): answer this once, keep nothing.
        if (this.entries.get(sessionId) === entry) {
          entry.live = live;
          entry.until = this.clock() + this.ttlMs;
        }
        return live;
      },
      (error: unknown) => {
        if (this.entries.get(sessionId) === entry) this.entries.delete(sessionId);
        throw error;
      },
    );
    this.entries.set(sessionId, entry);
    return entry.live;
  }

  /** Forgets every session of a user (or an enterprise): the next request looks again. */
  forgetUser(owner: Owner): void {
    for (const [sessionId, entry] of this.entries) if (entry.owner === owner) this.entries.delete(sessionId);
  }
}
