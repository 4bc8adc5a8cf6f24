import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIVE_RESYNC } from '../../shared/api/live-events.ts';
import {
  NOTIFICATIONS_NEW,
  type TMarkNotificationsRead,
  ZMarkNotificationsReadResult,
  ZNotificationList,
} from '../../shared/api/notifications.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

/** The bell and the list share this prefix, so reading a notice refreshes both. */
export const notificationsKey = (communityId: string) => ['notifications', communityId] as const;

/**
 * The live stream says when a notice arrives; this slow poll only catches what a stream could miss
 * (a proxy that buffers server-sent events, a database that cannot LISTEN).
 */
const NOTIFICATIONS_POLL_MS = 120_000;

const LIST_SIZE = 100;

export function useUnreadCount(communityId: string) {
  const queryClient = useQueryClient();
  const refetch = () => queryClient.invalidateQueries({ queryKey: notificationsKey(communityId) });
  useLiveEvents(communityId, {
    [NOTIFICATIONS_NEW]: () => void refetch(),
    [LIVE_RESYNC]: () => void refetch(),
  });
  return useQuery({
    queryKey: [...notificationsKey(communityId), 'unread'],
    queryFn: async () =>
      (
        await request(
          'GET',
          communityPath(communityId, 'notifications?unread=true&limit=1'),
          ZNotificationList,
        )
      ).unread,
    refetchInterval: NOTIFICATIONS_POLL_MS,
  });
}

/** Titles and bodies come rendered in the language asked for, so each language is its own entry. */
export function useNotifications(communityId: string, locale: string) {
  return useQuery({
    queryKey: [...notificationsKey(communityId), 'list', locale],
    queryFn: () =>
      request('GET', communityPath(communityId, `notifications?limit=${LIST_SIZE}`), ZNotificationList),
  });
}

export function useMarkNotificationsRead(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TMarkNotificationsRead) =>
      request('POST', communityPath(communityId, 'notifications/read'), ZMarkNotificationsReadResult, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey(communityId) }),
  });
}
