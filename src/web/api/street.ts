import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZStreetOverview } from '../../shared/api/dashboard.ts';
import { type TCommunityPlace, ZCommunityPlace } from '../../shared/api/street.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

export const streetKey = ['street'] as const;

/** Every compound the street office is granted, with the dashboard's headline figures. */
export function useStreetOverview() {
  return useQuery({
    queryKey: [...streetKey, 'overview'],
    queryFn: () => request('GET', '/api/street/overview', ZStreetOverview),
    // A street office looks at it for a while: fresh figures every minute, and on coming back.
    refetchInterval: 60_000,
  });
}

const placeKey = (communityId: string) => [...streetKey, 'place', communityId] as const;

export function useCommunityPlace(communityId: string) {
  return useQuery({
    queryKey: placeKey(communityId),
    queryFn: () => request('GET', communityPath(communityId, 'place'), ZCommunityPlace),
  });
}

export function useSetCommunityPlace(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCommunityPlace) =>
      request('PUT', communityPath(communityId, 'place'), ZCommunityPlace, body),
    onSuccess: (saved) => {
      client.setQueryData(placeKey(communityId), saved);
      void client.invalidateQueries({ queryKey: [...streetKey, 'overview'] });
    },
  });
}
