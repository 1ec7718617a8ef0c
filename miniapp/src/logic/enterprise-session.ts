import type { EnterpriseLoginResponse, EnterpriseSession } from '@mashang/shared';
import type { KeyValueStorage } from './session';

/** The enterprise's port keeps its own session, apart from an officer's on the same phone. */
export const ENTERPRISE_SESSION_KEY = 'mashang.enterprise-session';

export interface EnterpriseSessionStore {
  load(): EnterpriseLoginResponse | null;
  save(session: EnterpriseLoginResponse): void;
  /** Replaces what the port shows of the enterprise (after /api/enterprise/me), keeping the token. */
  update(enterprise: EnterpriseSession): void;
  clear(): void;
  token(): string | null;
}

function isEnterpriseSession(value: unknown): value is EnterpriseLoginResponse {
  if (typeof value !== 'object' || value === null) return false;
  const { token, expiresAt, enterprise } = value as Partial<EnterpriseLoginResponse>;
  return typeof token === 'string' && token.length > 0 && typeof expiresAt === 'string' && typeof enterprise === 'object' && enterprise !== null && typeof enterprise.creditCode === 'string';
}

export function createEnterpriseSessionStore(storage: KeyValueStorage, now: () => number = Date.now): EnterpriseSessionStore {
  const load = (): EnterpriseLoginResponse | null => {
    const raw = storage.get(ENTERPRISE_SESSION_KEY);
    if (!raw) return null;
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    if (!isEnterpriseSession(parsed) || !(Date.parse(parsed.expiresAt) > now())) {
      storage.remove(ENTERPRISE_SESSION_KEY);
      return null;
    }
    return parsed;
  };
  const save = (session: EnterpriseLoginResponse) => storage.set(ENTERPRISE_SESSION_KEY, JSON.stringify(session));
  return {
    load,
    save,
    update(enterprise) {
      const session = load();
      if (session) save({ ...session, enterprise });
    },
    clear: () => storage.remove(ENTERPRISE_SESSION_KEY),
    token: () => load()?.token ?? null,
  };
}
