import type { DrawView } from '@mashang/shared';
import { api } from './request';

/** The published random draws (双随机一公开): public, no session. */
export function publishedDraws(): Promise<DrawView[]> {
  return api.get<DrawView[]>('/api/public/draws', undefined, { anonymous: true });
}

export function publishedDraw(id: string): Promise<DrawView> {
  return api.get<DrawView>(`/api/public/draws/${encodeURIComponent(id)}`, undefined, { anonymous: true });
}
