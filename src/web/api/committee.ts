import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCreateActionItem,
  type TCreateMeeting,
  type TUpdateActionItem,
  type TUpdateMeeting,
  ZActionItem,
  ZActionItemList,
  ZCommitteeMembers,
  ZMeeting,
  ZMeetingList,
} from '../../shared/api/committee.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

/** Every committee query lives under this key: a change to an item refreshes the meeting and the lists. */
export const committeeKey = (communityId: string) => ['committee', communityId] as const;
const path = (communityId: string, rest: string) => communityPath(communityId, `committee/${rest}`);

export function useMeetings(communityId: string) {
  return useQuery({
    queryKey: [...committeeKey(communityId), 'meetings'],
    queryFn: () => request('GET', path(communityId, 'meetings'), ZMeetingList),
  });
}

export function useMeeting(communityId: string, meetingId: string) {
  return useQuery({
    queryKey: [...committeeKey(communityId), 'meeting', meetingId],
    queryFn: () => request('GET', path(communityId, `meetings/${encodeURIComponent(meetingId)}`), ZMeeting),
  });
}

export function useCreateMeeting(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateMeeting) => request('POST', path(communityId, 'meetings'), ZMeeting, body),
    onSuccess: () => client.invalidateQueries({ queryKey: committeeKey(communityId) }),
  });
}

export function useUpdateMeeting(communityId: string, meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateMeeting) =>
      request('PUT', path(communityId, `meetings/${encodeURIComponent(meetingId)}`), ZMeeting, body),
    onSuccess: (meeting) => {
      client.setQueryData([...committeeKey(communityId), 'meeting', meetingId], meeting);
      void client.invalidateQueries({ queryKey: [...committeeKey(communityId), 'meetings'] });
    },
  });
}

/** owner "me": anyone's own items (the home tile); "all": the committee's list per person. */
export function useActionItems(
  communityId: string,
  owner: 'me' | 'all',
  status: 'open' | 'all' = 'open',
  enabled = true,
) {
  return useQuery({
    queryKey: [...committeeKey(communityId), 'items', owner, status],
    queryFn: () =>
      request('GET', path(communityId, `action-items?owner=${owner}&status=${status}`), ZActionItemList),
    enabled,
  });
}

export function useCreateActionItem(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateActionItem) =>
      request('POST', path(communityId, 'action-items'), ZActionItem, body),
    onSuccess: () => client.invalidateQueries({ queryKey: committeeKey(communityId) }),
  });
}

export function useUpdateActionItem(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TUpdateActionItem & { id: string }) =>
      request('PUT', path(communityId, `action-items/${encodeURIComponent(id)}`), ZActionItem, body),
    onSuccess: () => client.invalidateQueries({ queryKey: committeeKey(communityId) }),
  });
}

/** The owner picker's choices: the committee and leaders, or members found by name or sign-in. */
export function useCommitteeMembers(communityId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...committeeKey(communityId), 'members', q],
    queryFn: () =>
      request(
        'GET',
        path(communityId, `members${q ? `?q=${encodeURIComponent(q)}` : ''}`),
        ZCommitteeMembers,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}
