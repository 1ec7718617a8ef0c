import type { LoginResponse } from '@mashang/shared';
import { SESSION_STORAGE_KEY, createSessionStore, type KeyValueStorage } from './session';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}

const NOW = Date.parse('2026-03-01T09:00:00+08:00');

const session: LoginResponse = {
  token: 'jwt-token',
  expiresAt: '2026-03-01T17:00:00+08:00',
  user: {
    id: 1,
    username: 'supervisor',
    role: 'supervisor',
    displayName: '王监督',
    agencyId: null,
    officerId: null,
  },
};

describe('session store', () => {
  it('saves and loads a session and hands out its token', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, () => NOW);
    expect(store.load()).toBeNull();
    expect(store.token()).toBeNull();

    store.save(session);
    expect(store.load()).toEqual(session);
    expect(store.token()).toBe('jwt-token');
  });

  it('drops an expired session from storage', () => {
    const storage = memoryStorage();
    createSessionStore(storage, () => NOW).save(session);
    const later = createSessionStore(storage, () => Date.parse(session.expiresAt) + 1);
    expect(later.load()).toBeNull();
    expect(storage.data.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it('drops unreadable or incomplete stored values', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, () => NOW);
    for (const raw of ['not json', '{"token":""}', JSON.stringify({ ...session, expiresAt: 'soon' })]) {
      storage.set(SESSION_STORAGE_KEY, raw);
      expect(store.load()).toBeNull();
      expect(storage.data.has(SESSION_STORAGE_KEY)).toBe(false);
    }
  });

  it('replaces the user but keeps the token', () => {
    const store = createSessionStore(memoryStorage(), () => NOW);
    store.save(session);
    store.updateUser({ ...session.user, displayName: '王主任' });
    expect(store.load()?.user.displayName).toBe('王主任');
    expect(store.token()).toBe('jwt-token');
  });

  it('does not create a session when updating the user without one', () => {
    const store = createSessionStore(memoryStorage(), () => NOW);
    store.updateUser(session.user);
    expect(store.load()).toBeNull();
  });

  it('clears', () => {
    const store = createSessionStore(memoryStorage(), () => NOW);
    store.save(session);
    store.clear();
    expect(store.load()).toBeNull();
  });
});
