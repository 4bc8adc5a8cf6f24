import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIVE_RESYNC } from '../../shared/api/live-events.ts';
import {
  RELAY_TASKS_CHANGED,
  type TRelayTaskQuery,
  type TSetRelaySettings,
  ZRelaySettings,
  ZRelayTask,
  ZRelayTaskList,
} from '../../shared/api/relay-tasks.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { ApiError, request } from './client.ts';
import { communityPath } from './registry.ts';

/** Everything cached about a community's relays: one live event refreshes every list that shows them. */
export const relaysKey = (communityId: string) => ['relay-tasks', communityId] as const;

function queryString(query: TRelayTaskQuery) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Titles and bodies come rendered in the language asked for, so each language is its own entry. */
export function useRelayTasks(communityId: string, query: TRelayTaskQuery = {}, enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...relaysKey(communityId), query, i18n.language],
    enabled,
    // a new filter keeps the overview on screen until its answer comes
    placeholderData: keepPreviousData,
    queryFn: () =>
      request('GET', communityPath(communityId, `relay-tasks${queryString(query)}`), ZRelayTaskList),
    // 403 means "no relays of yours": asking again will not change it
    retry: (failures, error) => !(error instanceof ApiError && error.status === 403) && failures < 2,
    // live events refresh it; this catches up after a phone slept in a pocket (not after a refusal)
    staleTime: 30_000,
    refetchInterval: (query) => (query.state.error ? false : 120_000),
  });
}

/** Refetches the relay lists when a task is made, confirmed or escalated anywhere in the community. */
export function useLiveRelayTasks(communityId: string) {
  const queryClient = useQueryClient();
  const refetch = () => void queryClient.invalidateQueries({ queryKey: relaysKey(communityId) });
  useLiveEvents(communityId, { [RELAY_TASKS_CHANGED]: refetch, [LIVE_RESYNC]: refetch });
}

export function useConfirmRelay(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) =>
      request('POST', communityPath(communityId, `relay-tasks/${taskId}/confirm`), ZRelayTask),
    onSettled: () => queryClient.invalidateQueries({ queryKey: relaysKey(communityId) }),
  });
}

const settingsKey = (communityId: string) => ['relay-settings', communityId] as const;

export function useRelaySettings(communityId: string, enabled = true) {
  return useQuery({
    queryKey: settingsKey(communityId),
    enabled,
    queryFn: () => request('GET', communityPath(communityId, 'relay-settings'), ZRelaySettings),
  });
}

export function useSetRelaySettings(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSetRelaySettings) =>
      request('PUT', communityPath(communityId, 'relay-settings'), ZRelaySettings, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey(communityId), saved);
      void queryClient.invalidateQueries({ queryKey: relaysKey(communityId) });
    },
  });
}
