import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZShiftDraw } from '../../shared/api/shift-draws.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';
import { shiftsKey } from './shifts.ts';

const drawPath = (communityId: string, shiftId: string) =>
  communityPath(communityId, `shifts/${encodeURIComponent(shiftId)}/draw`);

/**
 * A shift's draw: the rule and requests so far, then the seed and the ranked outcome. Kept under the
 * shifts key, so every sign-up or live change that refreshes the shifts refreshes it too.
 */
export function useShiftDraw(communityId: string, shiftId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...shiftsKey(communityId), 'draw', shiftId],
    queryFn: () => request('GET', drawPath(communityId, shiftId), ZShiftDraw),
    enabled,
    // While the result is awaited at the close, look again shortly; a made draw never changes.
    refetchInterval: (query) => (query.state.data?.status === 'drawn' ? false : 5_000),
  });
}

/** A leader draws now, when the close has passed and the server has not drawn yet. */
export function useRunShiftDraw(communityId: string, shiftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request('POST', drawPath(communityId, shiftId), ZShiftDraw),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shiftsKey(communityId) }),
  });
}
