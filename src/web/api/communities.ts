import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCreateCommunityRequest,
  ZCommunity,
  ZCommunityList,
  ZCommunityOverview,
} from '../../shared/api/communities.ts';
import { request } from './client.ts';
import { sessionKey } from './session.ts';

export const communitiesKey = ['communities'] as const;

export function useCommunities() {
  return useQuery({
    queryKey: communitiesKey,
    queryFn: () => request('GET', '/api/communities', ZCommunityList),
    staleTime: 5 * 60_000,
  });
}

export function useOverview(communityId: string) {
  return useQuery({
    queryKey: ['overview', communityId],
    queryFn: () =>
      request('GET', `/api/communities/${encodeURIComponent(communityId)}/overview`, ZCommunityOverview),
    staleTime: 30_000,
  });
}

export function useCreateCommunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateCommunityRequest) => request('POST', '/api/communities', ZCommunity, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionKey }),
        queryClient.invalidateQueries({ queryKey: communitiesKey }),
      ]),
  });
}
