import { useEffect, useRef, useState } from 'react';
import type { QueuedAction } from '../logic/offline-queue';
import { isOnline, queuedActions, subscribeOnsite, type OnsiteEvent } from '../services/onsite';

/** The queue and the network state, re-read whenever either changes; `onEvent` hears every change. */
export function useOfflineQueue(onEvent?: (event: OnsiteEvent) => void): { entries: QueuedAction[]; online: boolean } {
  const [state, setState] = useState(() => ({ entries: queuedActions(), online: isOnline() }));
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const read = () => setState({ entries: queuedActions(), online: isOnline() });
    const unsubscribe = subscribeOnsite((event) => {
      read();
      handler.current?.(event);
    });
    // Subscribing starts the network watch, which may already know better.
    read();
    return unsubscribe;
  }, []);
  return state;
}
