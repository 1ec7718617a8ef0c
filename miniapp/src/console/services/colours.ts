import type { ColourListChange, ColourListHistoryEntry, ColourListView } from '@mashang/shared';
import { api } from '../../services/request';

// ---- 三色清单 (an agency's violation colours)

export function colourList(agencyId?: string): Promise<ColourListView> {
  return api.get<ColourListView>('/api/registry/violation-colours', agencyId ? { agencyId } : undefined);
}

export function saveColourList(changes: ColourListChange[], agencyId?: string): Promise<ColourListView> {
  return api.put<ColourListView>('/api/registry/violation-colours', { ...(agencyId ? { agencyId } : {}), changes });
}

export function colourListHistory(agencyId?: string): Promise<ColourListHistoryEntry[]> {
  return api.get<ColourListHistoryEntry[]>('/api/registry/violation-colours/history', agencyId ? { agencyId } : undefined);
}
