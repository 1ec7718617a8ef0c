import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import type { OnsiteInspectionView } from '@mashang/shared';
import { useRef, useState } from 'react';
import { useOfflineQueue } from '../../hooks/use-offline-queue';
import { errorMessage } from '../../logic/api-error';
import { LOGIN_PAGE } from '../../routes';
import { currentSession } from '../../services/auth';
import { flushQueue, inspection } from '../../services/onsite';

/**
 * The inspection the page shows (`?id=<planId>`): read when the page shows and again whenever the
 * offline queue has been sent, from the phone's copy (`stale`) when there is no network.
 */
export function useInspection() {
  const [id, setId] = useState('');
  const [view, setView] = useState<OnsiteInspectionView | null>(null);
  const [stale, setStale] = useState(false);
  const [loadError, setLoadError] = useState('');
  const latestLoad = useRef(0);

  const load = async (planId: string) => {
    if (!planId) return;
    const ticket = ++latestLoad.current;
    try {
      const fetched = await inspection(planId);
      if (ticket !== latestLoad.current) return;
      setView(fetched.value);
      setStale(fetched.stale);
      setLoadError('');
    } catch (error) {
      if (ticket === latestLoad.current) setLoadError(errorMessage(error));
    }
  };

  const queue = useOfflineQueue((event) => {
    if (event === 'synced') void load(id);
  });

  useLoad((options: Record<string, string | undefined>) => {
    if (!currentSession()) {
      void Taro.reLaunch({ url: LOGIN_PAGE });
      return;
    }
    setId(options.id ?? '');
    if (!options.id) setLoadError('缺少检查编号');
  });

  useDidShow(() => {
    const planId = (Taro.getCurrentInstance().router?.params.id as string | undefined) ?? id;
    void load(planId);
    void flushQueue();
  });

  return { id, view, setView, stale, loadError, reload: () => load(id), queue };
}
