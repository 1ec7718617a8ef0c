import {
  DEFAULT_RECTIFY_DAYS, MAX_RECTIFY_DAYS, VIOLATION_COLOURS, Role,
  type ColourListChange, type ColourListView, type SessionUser, type ViolationColour,
} from '@mashang/shared';

/** One item's row as edited: its colour (or none) and a yellow violation's days as typed. */
export interface ColourDraft {
  colour: ViolationColour | null;
  days: string;
}

export const COLOUR_OPTIONS: { key: ViolationColour | 'none'; label: string }[] = [
  { key: 'green', label: VIOLATION_COLOURS.green.label },
  { key: 'yellow', label: VIOLATION_COLOURS.yellow.label },
  { key: 'red', label: VIOLATION_COLOURS.red.label },
  { key: 'none', label: '未列入' },
];

/** What each colour means for the officer, under the list. */
export const COLOUR_MEANINGS: string[] = (['green', 'yellow', 'red'] as const).map((c) => `${VIOLATION_COLOURS[c].label}：${VIOLATION_COLOURS[c].officer}`);

export function draftOf(entry: ColourListView['entries'][number]): ColourDraft {
  return { colour: entry.colour, days: String(entry.rectifyDays) };
}

/** Agency admins keep their own agency's list, supervisors any; discipline inspectors read. */
export function mayEditColours(user: Pick<SessionUser, 'role'>): boolean {
  return user.role === Role.AgencyAdmin || user.role === Role.Supervisor;
}

/** The edited rows as the API takes them, or the first problem (by item name). */
export function colourChanges(view: ColourListView, drafts: Record<string, ColourDraft>): { changes: ColourListChange[] } | { error: string } {
  const changes: ColourListChange[] = [];
  for (const entry of view.entries) {
    const draft = drafts[entry.itemId];
    if (!draft) continue;
    if (draft.colour === null) {
      if (entry.colour !== null) changes.push({ itemId: entry.itemId, colour: null });
      continue;
    }
    const days = Number(draft.days.trim());
    if (!Number.isInteger(days) || days < 1 || days > MAX_RECTIFY_DAYS) return { error: `${entry.itemName}：整改期限应为 1–${MAX_RECTIFY_DAYS} 天` };
    if (draft.colour !== entry.colour || days !== entry.rectifyDays) changes.push({ itemId: entry.itemId, colour: draft.colour, rectifyDays: days });
  }
  return { changes };
}

export { DEFAULT_RECTIFY_DAYS };
