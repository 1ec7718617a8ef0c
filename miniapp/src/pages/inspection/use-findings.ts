import type { OnsiteInspectionView } from '@mashang/shared';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../logic/api-error';
import { shanghaiToday } from '../../logic/dates';
import { defaultColour } from '../../logic/colours';
import { findingDraftOf, findingProblem, findingSavedNote, type FindingDraft, type ItemState } from '../../logic/onsite';
import { recordFinding } from '../../services/onsite';

export interface ItemUi {
  busy: boolean;
  error: string;
  saved: string;
}

const IDLE: ItemUi = { busy: false, error: '', saved: '' };

/**
 * The result forms of the items: each item's draft (its latest result until edited), whether it
 * is being saved, and what saving said. A finding made without a network waits in the queue.
 */
export function useFindings(view: OnsiteInspectionView | null, onSaved: (view: OnsiteInspectionView) => void) {
  const [drafts, setDrafts] = useState<Record<string, FindingDraft>>({});
  const [itemUi, setItemUi] = useState<Record<string, ItemUi>>({});

  const setUi = (itemId: string, patch: Partial<ItemUi>) =>
    setItemUi((current) => ({ ...current, [itemId]: { ...(current[itemId] ?? IDLE), ...patch } }));
  const draftOf = (state: ItemState) => drafts[state.item.id] ?? findingDraftOf(state);

  const edit = (state: ItemState, patch: Partial<FindingDraft>) => {
    setDrafts((current) => ({ ...current, [state.item.id]: { ...draftOf(state), ...patch } }));
    setUi(state.item.id, { error: '', saved: '' });
  };

  const save = async (state: ItemState) => {
    if (!view) return;
    const itemId = state.item.id;
    const edited = draftOf(state);
    // The colour shown is the one saved: the proposal until the officer picks another.
    const draft = { ...edited, colour: edited.colour ?? defaultColour(edited.outcome, state.item.proposal) };
    const problem = findingProblem(draft, shanghaiToday());
    if (problem || !draft.outcome) {
      setUi(itemId, { error: problem ?? '请选择检查结果' });
      return;
    }
    setUi(itemId, { busy: true, error: '', saved: '' });
    try {
      const outcome = await recordFinding(view.id, state.item, { ...draft, outcome: draft.outcome });
      if (!outcome.queued) onSaved(outcome.result);
      setDrafts(({ [itemId]: _saved, ...rest }) => rest);
      setUi(itemId, { busy: false, saved: findingSavedNote(outcome.queued) });
    } catch (error) {
      const field = error instanceof ApiError ? error.fields[0]?.reason : undefined;
      setUi(itemId, { busy: false, error: field ?? errorMessage(error) });
    }
  };

  return { draftOf, uiOf: (itemId: string): ItemUi => itemUi[itemId] ?? IDLE, edit, save };
}
