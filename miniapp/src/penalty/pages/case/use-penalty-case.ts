import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import type { PenaltyCaseView, SessionUser, TrailEntryView } from '@mashang/shared';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../logic/api-error';
import { pageParam } from '../../../logic/page-param';
import { LOGIN_PAGE } from '../../../routes';
import { currentSession } from '../../../services/auth';
import { penaltyCase, penaltyCaseTrail } from '../../../services/penalty-cases';

/**
 * The case the page shows (`?id=<caseId>`) and its trail: read when the page shows, and replaced by
 * what each action answers (the trail is read again then, since the action added to it).
 */
export function usePenaltyCase() {
  const [id, setId] = useState('');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [view, setView] = useState<PenaltyCaseView | null>(null);
  const [trail, setTrail] = useState<{ entries: TrailEntryView[] | null; error: string }>({ entries: null, error: '' });
  const [loadError, setLoadError] = useState('');
  const latest = useRef(0);

  const loadTrail = async (caseId: string) => {
    try {
      setTrail({ entries: (await penaltyCaseTrail(caseId)).entries, error: '' });
    } catch (error) {
      setTrail({ entries: null, error: errorMessage(error) });
    }
  };

  const load = async (caseId: string) => {
    if (!caseId) return;
    const ticket = ++latest.current;
    try {
      const fetched = await penaltyCase(caseId);
      if (ticket !== latest.current) return;
      setView(fetched);
      setLoadError('');
      void loadTrail(caseId);
    } catch (error) {
      if (ticket === latest.current) setLoadError(errorMessage(error));
    }
  };

  useLoad((options: Record<string, string | undefined>) => {
    const session = currentSession();
    if (!session) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    setUser(session.user);
    const caseId = pageParam(options.id);
    setId(caseId);
    if (!caseId) setLoadError('缺少案件编号');
  });

  useDidShow(() => {
    const caseId = pageParam((Taro.getCurrentInstance().router?.params.id as string | undefined) ?? id);
    void load(caseId);
  });

  /** After an action: the case as the server answered it, and its trail afresh. */
  const replace = (next: PenaltyCaseView) => {
    latest.current++;
    setView(next);
    void loadTrail(next.id);
  };

  return { id, user, view, trail, loadError, reload: () => load(id), replace };
}
