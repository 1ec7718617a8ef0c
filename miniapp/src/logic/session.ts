import type { LoginResponse, SessionUser } from '@mashang/shared';

/** The few storage calls a session needs; Taro storage in the app, a Map in tests. */
export interface KeyValueStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export type Session = LoginResponse;

export interface SessionStore {
  /** The stored session, or null when there is none, it is unreadable, or it has expired. */
  load(): Session | null;
  save(session: Session): void;
  /** Replaces the stored user, e.g. after /api/auth/me, keeping the token. */
  updateUser(user: SessionUser): void;
  clear(): void;
  token(): string | null;
}

export const SESSION_STORAGE_KEY = 'mashang.session';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { token, expiresAt, user } = value as Partial<Session>;
  return (
    typeof token === 'string' &&
    token.length > 0 &&
    typeof expiresAt === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.username === 'string'
  );
}

export function createSessionStore(
  storage: KeyValueStorage,
  now: () => number = Date.now,
): SessionStore {
  const load = (): Session | null => {
    const raw = storage.get(SESSION_STORAGE_KEY);
    if (!raw) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    // An unreadable or expired session is dropped, so the next start goes straight to login.
    if (!isSession(parsed) || !(Date.parse(parsed.expiresAt) > now())) {
      storage.remove(SESSION_STORAGE_KEY);
      return null;
    }
    return parsed;
  };
  const save = (session: Session) => storage.set(SESSION_STORAGE_KEY, JSON.stringify(session));

  return {
    load,
    save,
    updateUser(user) {
      const session = load();
      if (session) save({ ...session, user });
    },
    clear: () => storage.remove(SESSION_STORAGE_KEY),
    token: () => load()?.token ?? null,
  };
}
