import { ErrorCode, type OnsiteInspectionView, type RuleRefusal } from '@mashang/shared';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../logic/api-error';
import { finishInspection } from '../../services/onsite';

/** 结束检查: the server's refusals, or any other failure; without a network the finish waits in the queue. */
export function useFinish(view: OnsiteInspectionView | null, onFinished: (view: OnsiteInspectionView) => void) {
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<RuleRefusal[]>([]);
  const [error, setError] = useState('');

  const finish = async () => {
    if (!view || busy) return;
    setBusy(true);
    setRefusals([]);
    setError('');
    try {
      const outcome = await finishInspection(view);
      if (!outcome.queued) onFinished(outcome.result);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === ErrorCode.RuleRefused && failure.refusals.length) setRefusals(failure.refusals);
      else setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return { busy, refusals, error, finish };
}
