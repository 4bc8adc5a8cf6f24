import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { DASHBOARD_EVENT, ZDashboard, ZTrends } from '../../shared/api/dashboard.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

export const dashboardKey = (communityId: string) => ['dashboard', communityId] as const;

export const dashboardStreamUrl = (communityId: string) => communityPath(communityId, 'dashboard/stream');

/** How often the figures are fetched while the stream is not there (not yet served, or dropped). */
export const POLL_SECONDS = 10;
/** Even with the stream open, a fresh read now and then: a missed event must not freeze a wall screen. */
const SAFETY_REFRESH_MS = 5 * 60_000;
/** A refused stream (a 404 before the server has it, a restart behind a proxy) is tried again after this. */
const STREAM_RETRY_MS = 30_000;

export type LiveMode = 'connecting' | 'live' | 'polling';

/**
 * The stream's `dashboard` events put the fresh figures into the query's cache. While the stream is
 * down the query polls instead, so the page is never stale for long either way.
 */
function useDashboardStream(communityId: string, enabled: boolean): LiveMode {
  const client = useQueryClient();
  const [mode, setMode] = useState<LiveMode>('connecting');
  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      const current = new EventSource(dashboardStreamUrl(communityId));
      source = current;
      current.addEventListener(DASHBOARD_EVENT, (event) => {
        let parsed: ReturnType<typeof ZDashboard.safeParse>;
        try {
          parsed = ZDashboard.safeParse(JSON.parse((event as MessageEvent<string>).data));
        } catch {
          return;
        }
        if (!parsed.success) return;
        client.setQueryData(dashboardKey(communityId), parsed.data);
        setMode('live');
      });
      current.onopen = () => setMode('live');
      current.onerror = () => {
        setMode('polling');
        // The browser reconnects a dropped stream by itself; a refused one it gives up on.
        if (current.readyState !== EventSource.CLOSED) return;
        current.close();
        retry = setTimeout(open, STREAM_RETRY_MS);
      };
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [communityId, enabled, client]);
  return mode;
}

/** getDashboard, kept fresh by the dashboard stream (or by polling while there is none). */
export function useLiveDashboard(communityId: string, enabled = true) {
  const mode = useDashboardStream(communityId, enabled);
  const query = useQuery({
    queryKey: dashboardKey(communityId),
    queryFn: () => request('GET', communityPath(communityId, 'dashboard'), ZDashboard),
    enabled,
    refetchInterval: mode === 'live' ? SAFETY_REFRESH_MS : POLL_SECONDS * 1_000,
    // a wall screen is never "in the background": keep it current when the window is not focused
    refetchIntervalInBackground: true,
  });
  return { ...query, mode };
}

export function useTrends(communityId: string, days: number) {
  return useQuery({
    queryKey: [...dashboardKey(communityId), 'trends', days],
    queryFn: () => request('GET', communityPath(communityId, `dashboard/trends?days=${days}`), ZTrends),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
