import { useState } from 'react';
import { serverProblems, type ServerProblems } from '../logic/server-problems';

const NONE = { fields: {}, refusals: [], message: '' };

/**
 * One form's sending: busy while the request runs, and what was wrong — the form's own checks
 * (`showErrors`) or the server's refusals, field errors and message (`send`), in Chinese.
 */
export function useServerForm<F extends string>(labels: Record<F, string>, fallbacks: Partial<Record<F, string>> = {}) {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ServerProblems<F>>(NONE);

  const showErrors = (fields: Partial<Record<F, string>>) => setProblems({ fields, refusals: [], message: '' });
  const clear = () => setProblems(NONE);

  /** Runs the request: its answer, or null when it was refused or failed (the problems say why). */
  const send = async <T>(request: () => Promise<T>): Promise<T | null> => {
    if (busy) return null;
    setBusy(true);
    setProblems(NONE);
    try {
      return await request();
    } catch (error) {
      setProblems(serverProblems(error, labels, fallbacks));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const fieldLines = (Object.keys(labels) as F[]).filter((f) => problems.fields[f]).map((f) => problems.fields[f]!);
  return { busy, problems, fieldLines, showErrors, clear, send };
}
