import { actorUserId, ENTERPRISE_ACTOR, PUBLIC_ACTOR_LABELS, trailDetailLine, trailKindLabel, type PublicTrailActor, type PublicTrailView } from '@mashang/shared';
import type { StoredEntry } from '../../trail/index.js';

/** What the registers say of the users who acted on a trail. */
export interface ActingStaff {
  /** By user id: the user's agency and officer record. */
  users: Map<number, { agencyId: string | null; officerId: string | null }>;
  officers: Map<string, { name: string; certNo: string }>;
  agencyNames: Map<string, string>;
}

/**
 * Who took a step, as the enterprise may see it: an officer by name and certificate number (what it
 * checks against the card shown at the door), an agency's other staff by the agency, never an account.
 */
export function publicActor(actor: string, staff: ActingStaff): PublicTrailActor {
  if (actor === ENTERPRISE_ACTOR) return { name: PUBLIC_ACTOR_LABELS.enterprise };
  const userId = actorUserId(actor);
  if (userId === null) return { name: PUBLIC_ACTOR_LABELS.system };
  const user = staff.users.get(userId);
  if (!user) return { name: PUBLIC_ACTOR_LABELS.unknown };
  const officer = user.officerId === null ? undefined : staff.officers.get(user.officerId);
  if (officer) return { name: officer.name, certNo: officer.certNo };
  if (user.agencyId === null) return { name: PUBLIC_ACTOR_LABELS.supervision };
  return { name: staff.agencyNames.get(user.agencyId) ?? PUBLIC_ACTOR_LABELS.unknown };
}

/**
 * The enterprise's view of its inspection's trails, one per agency in the given order: each step in
 * Chinese with who took it and when, nothing anyone typed, no ids; it ends with the code's validity.
 */
export function publicTrail(trails: { agencyName: string; entries: StoredEntry[] }[], staff: ActingStaff, validUntil: Date): PublicTrailView {
  return {
    agencies: trails.map(({ agencyName, entries }) => ({
      agencyName,
      steps: entries.map((entry) => ({
        step: trailKindLabel(entry.kind),
        detail: trailDetailLine({ kind: entry.kind, detail: storedDetail(entry.detail) }, 'public'),
        by: publicActor(entry.actor, staff),
        at: entry.at.toISOString(),
      })),
    })),
    validUntil: validUntil.toISOString(),
  };
}

function storedDetail(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}
