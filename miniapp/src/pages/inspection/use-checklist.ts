import type { FindingOutcome, JointChecklist, OnsiteInspectionView } from '@mashang/shared';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../logic/api-error';
import { defaultColour } from '../../logic/colours';
import { shanghaiToday } from '../../logic/dates';
import { stakeDrafts, type RowState } from '../../logic/joint-checklist';
import { findingProblem, findingSavedNote, type FindingDraft } from '../../logic/onsite';
import { jointChecklist, recordFinding } from '../../services/onsite';
import type { ItemUi } from './use-findings';

const IDLE: ItemUi = { busy: false, error: '', saved: '' };
const EMPTY: FindingDraft = { outcome: null, rectifyBy: '', note: '' };

/**
 * 一表通查: a joint inspection's merged checklist and its rows' forms. A row's result is recorded for
 * each agency holding a stake in it, one finding each, on that agency's part of the inspection.
 */
export function useChecklist(view: OnsiteInspectionView | null, onSaved: () => void) {
  const [checklist, setChecklist] = useState<JointChecklist | null>(null);
  const [drafts, setDrafts] = useState<Record<string, FindingDraft>>({});
  const [rowUi, setRowUi] = useState<Record<string, ItemUi>>({});
  const joint = (view?.jointAgencies.length ?? 0) > 0;

  const load = async () => {
    if (!view || !joint) return;
    try {
      setChecklist(await jointChecklist(view.id));
    } catch {
      // Without a network the phone keeps to its agency's own list.
      setChecklist(null);
    }
  };
  // Read again whenever the view changes (a result saved, the queue sent).
  useEffect(() => void load(), [view]);

  const setUi = (key: string, patch: Partial<ItemUi>) => setRowUi((current) => ({ ...current, [key]: { ...(current[key] ?? IDLE), ...patch } }));
  const draftOf = (key: string) => drafts[key] ?? EMPTY;

  const edit = (key: string, patch: Partial<FindingDraft>) => {
    setDrafts((current) => ({ ...current, [key]: { ...draftOf(key), ...patch } }));
    setUi(key, { error: '', saved: '' });
  };

  const save = async (state: RowState) => {
    const key = state.row.key;
    const edited = draftOf(key);
    const draft = { ...edited, colour: edited.colour ?? defaultColour(edited.outcome, state.row.stakes[0]?.proposal) };
    const problem = findingProblem(draft, shanghaiToday());
    if (problem || !draft.outcome) {
      setUi(key, { error: problem ?? '请选择检查结果' });
      return;
    }
    setUi(key, { busy: true, error: '', saved: '' });
    let queued = false;
    try {
      for (const { stake, draft: own } of stakeDrafts(state, { ...draft, outcome: draft.outcome as FindingOutcome })) {
        const outcome = await recordFinding(stake.planId, { id: stake.itemId, name: stake.itemName }, own);
        queued = queued || outcome.queued;
      }
      setDrafts(({ [key]: _saved, ...rest }) => rest);
      setUi(key, { busy: false, saved: findingSavedNote(queued) });
      onSaved();
    } catch (error) {
      const field = error instanceof ApiError ? error.fields[0]?.reason : undefined;
      setUi(key, { busy: false, error: field ?? errorMessage(error) });
      onSaved();
    }
  };

  return { joint, checklist, draftOf, uiOf: (key: string): ItemUi => rowUi[key] ?? IDLE, edit, save, reload: load };
}
