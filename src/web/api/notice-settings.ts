import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TNoticeGateway,
  type TNotificationPreferences,
  type TSetNoticeGateway,
  type TSetNotificationPreferences,
  ZDeadLetterList,
  ZNoticeGateway,
  ZNoticeGatewayTest,
  ZNotificationPreferences,
  ZResendResult,
} from '../../shared/api/notice-settings.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

const preferencesKey = (communityId: string) => ['notification-preferences', communityId] as const;
const gatewayKey = (communityId: string) => ['notice-gateway', communityId] as const;
/** Titles come rendered in the caller's language, so each language is its own entry. */
const deadLettersKey = (communityId: string) => ['dead-letters', communityId] as const;

export function useNotificationPreferences(communityId: string) {
  return useQuery({
    queryKey: preferencesKey(communityId),
    queryFn: () =>
      request('GET', communityPath(communityId, 'notification-preferences'), ZNotificationPreferences),
  });
}

export function useSetNotificationPreferences(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TSetNotificationPreferences) =>
      request('PUT', communityPath(communityId, 'notification-preferences'), ZNotificationPreferences, body),
    onSuccess: (saved: TNotificationPreferences) => client.setQueryData(preferencesKey(communityId), saved),
  });
}

export function useNoticeGateway(communityId: string) {
  return useQuery({
    queryKey: gatewayKey(communityId),
    queryFn: () => request('GET', communityPath(communityId, 'notice-gateway'), ZNoticeGateway),
  });
}

export function useSetNoticeGateway(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TSetNoticeGateway) =>
      request('PUT', communityPath(communityId, 'notice-gateway'), ZNoticeGateway, body),
    onSuccess: (saved: TNoticeGateway) => {
      client.setQueryData(gatewayKey(communityId), saved);
      // whether the channel is offered shows on everyone's preferences
      void client.invalidateQueries({ queryKey: preferencesKey(communityId) });
    },
  });
}

export function useTestNoticeGateway(communityId: string) {
  return useMutation({
    mutationFn: () => request('POST', communityPath(communityId, 'notice-gateway/test'), ZNoticeGatewayTest),
  });
}

/** Refreshed every half minute: the worker moves rows along on its own. */
export function useDeadLetters(communityId: string, locale: string, enabled = true) {
  return useQuery({
    queryKey: [...deadLettersKey(communityId), locale],
    enabled,
    queryFn: () => request('GET', communityPath(communityId, 'dead-letters'), ZDeadLetterList),
    refetchInterval: 30_000,
  });
}

export function useResendDeadLetters(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      ids.length === 1
        ? request('POST', communityPath(communityId, `dead-letters/${ids[0]}/resend`), ZResendResult)
        : request('POST', communityPath(communityId, 'dead-letters/resend'), ZResendResult, { ids }),
    onSettled: () => client.invalidateQueries({ queryKey: deadLettersKey(communityId) }),
  });
}
