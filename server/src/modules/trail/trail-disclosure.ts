/**
 * Who reads a trail: `overseer`, supervisors and discipline inspectors (every entry as stored), or
 * `agency`, the inspecting agency's own staff (officers and admins).
 */
export type TrailReaderKind = 'overseer' | 'agency';

/**
 * What of an entry's detail an agency reads: of a rating, that it happened and its digest — never
 * the scores or the comment, which entries written before the digest still hold (a hash chain
 * cannot be rewritten: verification keeps using the stored text); of a case a rating raised, its
 * id, source and rule, not its title (older titles quote a score).
 */
const AGENCY_READS: Partial<Record<string, { keys: readonly string[]; when?: (detail: Record<string, unknown>) => boolean }>> = {
  rated: { keys: ['agencyId', 'ratingDigest'] },
  flagged: { keys: ['caseId', 'source', 'rule'], when: (detail) => detail.source === 'rating' },
};

/** An entry's detail as this reader may see it. */
export function disclosedDetail(kind: string, detail: Record<string, unknown>, reader: TrailReaderKind): Record<string, unknown> {
  const rule = AGENCY_READS[kind];
  if (reader === 'overseer' || !rule || (rule.when && !rule.when(detail))) return detail;
  return Object.fromEntries(Object.entries(detail).filter(([key]) => rule.keys.includes(key)));
}
