import {
  colourFitsOutcome, type ChecklistRow, type ChecklistStake, type FindingOutcome, type FindingRequest, type JointChecklist, type ViolationColour,
} from '@mashang/shared';
import type { QueuedAction } from './offline-queue';
import type { FindingDraft, ItemState } from './onsite';

/** A stake with the result the phone shows: a finding waiting in the queue wins over the server's. */
export interface StakeState {
  stake: ChecklistStake;
  outcome: FindingOutcome | null;
  colour: ViolationColour | null;
  rectifyBy: string | null;
  pending: boolean;
}

export interface RowState {
  row: ChecklistRow;
  stakes: StakeState[];
}

const stakeKey = (planId: string, itemId: string) => `${planId}\u0000${itemId}`;

/** Each row with its stakes' results, the officer's queued findings laid over what the server has. */
export function rowStates(checklist: JointChecklist, queued: QueuedAction[]): RowState[] {
  const latest = new Map<string, FindingRequest>();
  for (const entry of queued) {
    if (!entry.refused && entry.action.type === 'finding') latest.set(stakeKey(entry.action.planId, entry.action.body.itemId), entry.action.body);
  }
  return checklist.rows.map((row) => ({
    row,
    stakes: row.stakes.map((stake) => {
      const body = latest.get(stakeKey(stake.planId, stake.itemId));
      if (body) return { stake, outcome: body.outcome, colour: body.colour ?? null, rectifyBy: body.rectifyBy ?? null, pending: true };
      const f = stake.finding;
      return { stake, outcome: f?.outcome ?? null, colour: f?.colour ?? null, rectifyBy: f?.rectifyBy ?? null, pending: false };
    }),
  }));
}

/** The row as one item for the result form: its key, name and basis; the form starts empty. */
export function rowItemState(state: RowState): ItemState {
  const { row } = state;
  return { item: { id: row.key, name: row.name, basis: row.basis, finding: null, proposal: row.stakes[0]?.proposal }, outcome: null, rectifyBy: null, note: null, pending: false };
}

/**
 * One row's result recorded for each of its agencies: the same outcome, deadline and note; the colour
 * where it fits that agency's proposal (green only where its list gives green), else left to the server.
 */
export function stakeDrafts(state: RowState, draft: FindingDraft & { outcome: FindingOutcome }): { stake: ChecklistStake; draft: FindingDraft & { outcome: FindingOutcome } }[] {
  return state.stakes.map(({ stake }) => {
    const colour = draft.colour ?? null;
    const fits = colour !== null && colourFitsOutcome(colour, draft.outcome) && (colour !== 'green' || stake.proposal?.colour === 'green');
    return { stake, draft: { ...draft, colour: fits ? colour : null } };
  });
}

/** Rows still without a result for some agency. */
export function openRows(states: RowState[]): RowState[] {
  return states.filter((state) => state.stakes.some((s) => s.outcome === null));
}
