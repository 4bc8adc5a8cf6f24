import { useEffect, useRef } from 'react';
import { type LiveHandler, subscribeLive } from './live-connection.ts';

export type LiveHandlers = Record<string, LiveHandler>;

/**
 * Listens to the community's live events while the component is mounted: `handlers` maps an event
 * type (e.g. `shift.places`, `notifications.new`, `live.resync`) to what to do with its data. All
 * components share one connection per community; the handlers may change on every render.
 */
export function useLiveEvents(communityId: string | null | undefined, handlers: LiveHandlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  const types = Object.keys(handlers).sort().join('\n');
  useEffect(() => {
    if (!communityId || !types) return;
    const stops = types
      .split('\n')
      .map((type) => subscribeLive(communityId, type, (data) => latest.current[type]?.(data)));
    return () => {
      for (const stop of stops) stop();
    };
  }, [communityId, types]);
}
