import type { OnsiteInspectionView } from '@mashang/shared';
import { createOnsiteCache } from './onsite-cache';
import type { KeyValueStorage } from './session';

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { get: (key) => data.get(key) ?? null, set: (key, value) => void data.set(key, value), remove: (key) => void data.delete(key) };
}

const view = (id: string, status: OnsiteInspectionView['status'] = 'planned') => ({ id, status }) as OnsiteInspectionView;

describe('the on-site cache', () => {
  it('answers today’s list and each inspection from storage', () => {
    const storage = memoryStorage();
    const cache = createOnsiteCache(storage, 'cache:officer1');
    expect(cache.today()).toBeNull();
    cache.saveToday([view('P1'), view('P2')]);
    const reopened = createOnsiteCache(storage, 'cache:officer1');
    expect(reopened.today()?.map((v) => v.id)).toEqual(['P1', 'P2']);
    expect(reopened.view('P2')?.id).toBe('P2');
    expect(reopened.view('P9')).toBeNull();
    expect(createOnsiteCache(storage, 'cache:officer2').today()).toBeNull();
  });

  it('updates an inspection in today’s list when it is seen again', () => {
    const cache = createOnsiteCache(memoryStorage(), 'c');
    cache.saveToday([view('P1'), view('P2')]);
    cache.saveView(view('P2', 'on-site'));
    expect(cache.today()?.map((v) => v.status)).toEqual(['planned', 'on-site']);
    expect(cache.view('P2')?.status).toBe('on-site');
  });

  it('keeps the newest inspections only', () => {
    const cache = createOnsiteCache(memoryStorage(), 'c', 3);
    for (const id of ['P1', 'P2', 'P3', 'P4']) cache.saveView(view(id));
    cache.saveView(view('P2', 'finished'));
    expect(cache.view('P1')).toBeNull();
    expect(['P2', 'P3', 'P4'].map((id) => cache.view(id)?.id)).toEqual(['P2', 'P3', 'P4']);
    expect(cache.view('P2')?.status).toBe('finished');
  });

  it('treats unreadable storage as empty', () => {
    const storage = memoryStorage();
    storage.set('c', '{not json');
    expect(createOnsiteCache(storage, 'c').view('P1')).toBeNull();
  });
});
