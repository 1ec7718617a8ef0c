import { offsiteShare, type OffsiteShareRow } from '@mashang/shared';

/**
 * Off-site checks among all finished checks, per agency and month: the inspection records count every
 * check (an accepted off-site check has its record like a visit), the accepted requests the off-site ones.
 */
export function shareRows(
  totals: { agencyId: string; month: string; count: number }[],
  offsite: { agencyId: string; month: string; count: number }[],
  names: Map<string, string>,
): OffsiteShareRow[] {
  const rows = new Map<string, OffsiteShareRow>();
  const row = (agencyId: string, month: string) => {
    const key = `${agencyId}|${month}`;
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { agencyId, agencyName: names.get(agencyId) ?? agencyId, month, total: 0, offsite: 0, share: 0 }));
    return found;
  };
  for (const t of totals) row(t.agencyId, t.month).total += t.count;
  for (const o of offsite) {
    const r = row(o.agencyId, o.month);
    r.offsite += o.count;
    // A record imported or removed apart from its request cannot make the share exceed 1.
    r.total = Math.max(r.total, r.offsite);
  }
  return [...rows.values()]
    .map((r) => ({ ...r, share: offsiteShare(r.offsite, r.total) }))
    .sort((a, b) => (a.month === b.month ? a.agencyName.localeCompare(b.agencyName, 'zh') : a.month < b.month ? -1 : 1));
}

/** The first month of the default window: eleven months before `month` (YYYY-MM), so a year shows. */
export function monthsBefore(month: string, back: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
