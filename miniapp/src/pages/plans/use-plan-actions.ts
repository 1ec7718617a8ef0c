import type { IssuedCode, PlanView, RuleRefusal } from '@mashang/shared';
import { useState } from 'react';
import {
  cancelledSummary,
  changeFailure,
  jointScenarioRefusal,
  moveDateProblem,
  movedSummary,
  reasonProblem,
  type PlanChangeKind,
} from '../../logic/plan-changes';
import { shanghaiToday } from '../../logic/dates';
import { cancelPlan, issueInspectionCode, movePlan } from '../../services/plans';

/** The change form open on one plan: 改期, 取消, or the reason for going alone that a scenario asks for. */
export interface PlanChange {
  planId: string;
  kind: PlanChangeKind;
  /** The new date (move) or the reason (cancel, alone). */
  draft: string;
  busy: boolean;
  problem: string;
  refusals: RuleRefusal[];
}

interface Outcomes {
  /** A code was issued: show it. */
  onCode: (plan: PlanView, code: IssuedCode) => void;
  /** The plan moved or was cancelled: say so and read the list again (plans regroup). */
  onChanged: (summary: string) => void;
}

/**
 * The actions on a plan of the list: issue its code (asking why when a joint-supervision scenario's
 * agencies have not joined), move it, cancel it. One form is open at a time.
 */
export function usePlanActions({ onCode, onChanged }: Outcomes) {
  const [change, setChange] = useState<PlanChange | null>(null);
  const [issuing, setIssuing] = useState<string | null>(null);
  const [codeErrors, setCodeErrors] = useState<Record<string, string>>({});

  const open = (plan: PlanView, kind: PlanChangeKind, refusals: RuleRefusal[] = []) =>
    setChange({ planId: plan.id, kind, draft: kind === 'move' ? plan.plannedDate : '', busy: false, problem: '', refusals });
  const close = () => setChange(null);
  const edit = (draft: string) => setChange((current) => current && { ...current, draft, problem: '' });

  const issue = async (plan: PlanView) => {
    if (issuing) return;
    setIssuing(plan.id);
    setCodeErrors((all) => ({ ...all, [plan.id]: '' }));
    try {
      onCode(plan, await issueInspectionCode(plan.id));
    } catch (error) {
      const failure = changeFailure(error);
      // Going alone in a joint-supervision scenario is allowed with a written reason: ask for it.
      if (jointScenarioRefusal(failure.refusals)) open(plan, 'alone', failure.refusals);
      else setCodeErrors((all) => ({ ...all, [plan.id]: failure.message || failure.refusals.map((r) => `${r.message}（${r.remedy}）`).join('；') }));
    } finally {
      setIssuing(null);
    }
  };

  const submit = async (plan: PlanView) => {
    if (!change || change.busy || change.planId !== plan.id) return;
    const problem =
      change.kind === 'move' ? moveDateProblem(plan, change.draft, shanghaiToday()) : reasonProblem(change.kind, change.draft);
    if (problem) {
      setChange({ ...change, problem });
      return;
    }
    // A scenario's refusal stays on show while the reason is sent; other refusals are from the last try.
    setChange({ ...change, busy: true, problem: '', refusals: change.kind === 'alone' ? change.refusals : [] });
    try {
      if (change.kind === 'move') onChanged(movedSummary(await movePlan(plan.id, change.draft.trim())));
      else if (change.kind === 'cancel') onChanged(cancelledSummary(await cancelPlan(plan.id, change.draft.trim())));
      else onCode(plan, await issueInspectionCode(plan.id, change.draft.trim()));
      setChange(null);
    } catch (error) {
      const failure = changeFailure(error);
      setChange((current) => current && { ...current, busy: false, problem: failure.message, refusals: failure.refusals.length ? failure.refusals : current.refusals });
    }
  };

  return { change, issuing, codeErrors, open, close, edit, issue, submit };
}
