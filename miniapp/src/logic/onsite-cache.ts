import type { OnsiteInspectionView } from '@mashang/shared';
import type { KeyValueStorage } from './session';

/** Inspections kept for reading without a network; the oldest drop out beyond this. */
export const CACHED_VIEWS_MAX = 20;

/**
 * The last inspections the server sent, so that with no signal at the enterprise's door the
 * officer still sees today's list and the items to record (the findings then go to the queue).
 */
export interface OnsiteCache {
  today(): OnsiteInspectionView[] | null;
  saveToday(list: OnsiteInspectionView[]): void;
  view(id: string): OnsiteInspectionView | null;
  saveView(view: OnsiteInspectionView): void;
}

interface Stored {
  today: OnsiteInspectionView[] | null;
  /** Newest first. */
  views: OnsiteInspectionView[];
}

export function createOnsiteCache(storage: KeyValueStorage, key: string, max = CACHED_VIEWS_MAX): OnsiteCache {
  const load = (): Stored => {
    try {
      const value = JSON.parse(storage.get(key) ?? 'null') as Stored | null;
      if (value && Array.isArray(value.views)) return value;
    } catch {
      // An unreadable cache is as good as none.
    }
    return { today: null, views: [] };
  };
  const remember = (views: OnsiteInspectionView[], fresh: OnsiteInspectionView[]) => {
    const ids = new Set(fresh.map((view) => view.id));
    return [...fresh, ...views.filter((view) => !ids.has(view.id))].slice(0, max);
  };
  const save = (stored: Stored) => storage.set(key, JSON.stringify(stored));

  return {
    today: () => load().today,
    saveToday(list) {
      const stored = load();
      save({ today: list, views: remember(stored.views, list) });
    },
    view: (id) => load().views.find((view) => view.id === id) ?? null,
    saveView(view) {
      const stored = load();
      save({
        today: stored.today?.map((entry) => (entry.id === view.id ? view : entry)) ?? null,
        views: remember(stored.views, [view]),
      });
    },
  };
}
