import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TUpdateBuilding,
  ZBuilding,
  ZBuildingDetail,
  ZBuildingList,
  ZPositionsResult,
  ZSitePlan,
} from '../../shared/api/registry.ts';
import { request } from './client.ts';

/** "/api/communities/<id>/<rest>": every registry call is scoped to one community. */
export const communityPath = (communityId: string, rest: string) =>
  `/api/communities/${encodeURIComponent(communityId)}/${rest}`;

/** Everything cached for a community's registry, so one change refreshes every list that shows it. */
export const registryKey = (communityId: string) => ['registry', communityId] as const;

export function useSitePlan(communityId: string) {
  return useQuery({
    queryKey: [...registryKey(communityId), 'site-plan'],
    queryFn: () => request('GET', communityPath(communityId, 'zones'), ZSitePlan),
    staleTime: 5 * 60_000,
  });
}

/**
 * All buildings at once (a compound has about 125): the list, the site plan and every building
 * picker share this one cached answer and filter it in the browser, which is instant on a phone.
 */
export function useBuildings(communityId: string) {
  return useQuery({
    queryKey: [...registryKey(communityId), 'buildings'],
    queryFn: async () => (await request('GET', communityPath(communityId, 'buildings'), ZBuildingList)).items,
    staleTime: 60_000,
  });
}

export function useBuilding(communityId: string, buildingId: string, reveal: boolean) {
  return useQuery({
    queryKey: [...registryKey(communityId), 'building', buildingId, { reveal }],
    queryFn: () =>
      request(
        'GET',
        communityPath(communityId, `buildings/${encodeURIComponent(buildingId)}?reveal=${reveal}`),
        ZBuildingDetail,
      ),
  });
}

/** Refreshes every registry list of the community after a change. */
export function useInvalidateRegistry(communityId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: registryKey(communityId) });
}

export function useUpdateBuilding(communityId: string) {
  const invalidate = useInvalidateRegistry(communityId);
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: TUpdateBuilding }) =>
      request('PATCH', communityPath(communityId, `buildings/${encodeURIComponent(id)}`), ZBuilding, changes),
    onSuccess: invalidate,
  });
}

/** Saves several moved buildings; one PATCH each, since the API has no batch update. */
export function useSaveBuildingPositions(communityId: string) {
  const invalidate = useInvalidateRegistry(communityId);
  return useMutation({
    mutationFn: async (moves: { id: string; x: number; y: number }[]) => {
      for (const { id, x, y } of moves) {
        await request('PATCH', communityPath(communityId, `buildings/${encodeURIComponent(id)}`), ZBuilding, {
          x,
          y,
        });
      }
    },
    // Refresh even after a failure part-way: the moves saved so far are real.
    onSettled: invalidate,
  });
}

export function useSetRelay(communityId: string) {
  const invalidate = useInvalidateRegistry(communityId);
  return useMutation({
    mutationFn: ({ buildingId, residentId }: { buildingId: string; residentId: string | null }) =>
      request(
        'PUT',
        communityPath(communityId, `buildings/${encodeURIComponent(buildingId)}/relay`),
        ZBuilding,
        { residentId },
      ),
    onSuccess: invalidate,
  });
}

export function useImportPositions(communityId: string) {
  const invalidate = useInvalidateRegistry(communityId);
  return useMutation({
    mutationFn: (csv: string) =>
      request('POST', communityPath(communityId, 'buildings/positions'), ZPositionsResult, { csv }),
    onSuccess: invalidate,
  });
}
