import { useEffect, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';

/** A section's data, loaded again whenever `deps` change; the last request wins. */
export function useSection<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    setError('');
    load().then(
      (result) => current && setData(result),
      (e) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { data, error };
}
