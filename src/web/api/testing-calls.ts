import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type TAdjustCallDown, type TCallDownPlan, ZCallDownPlan } from '../../shared/api/testing-calls.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';
import { testingRoundsKey } from './testing-rounds.ts';

const callDownPath = (communityId: string, roundId: string, rest = '') =>
  communityPath(communityId, `testing-rounds/${encodeURIComponent(roundId)}/call-down${rest}`);

// under the rounds' key, so the round page's live events (a call told, a plan changed) refresh it
const callDownKey = (communityId: string, roundId: string) =>
  [...testingRoundsKey(communityId), 'round', roundId, 'call-down'] as const;

export function useCallDownPlan(communityId: string, roundId: string) {
  return useQuery({
    queryKey: callDownKey(communityId, roundId),
    queryFn: () => request('GET', callDownPath(communityId, roundId), ZCallDownPlan),
  });
}

/** Propose, adjust or publish: each answers with the whole plan, which replaces the cached one. */
function useCallDownChange<TBody>(
  communityId: string,
  roundId: string,
  send: (body: TBody) => Promise<TCallDownPlan>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (plan) => queryClient.setQueryData(callDownKey(communityId, roundId), plan),
    onSettled: () => queryClient.invalidateQueries({ queryKey: testingRoundsKey(communityId) }),
  });
}

export const usePlanCallDown = (communityId: string, roundId: string) =>
  useCallDownChange<void>(communityId, roundId, () =>
    request('POST', callDownPath(communityId, roundId, '/plan'), ZCallDownPlan),
  );

export const useAdjustCallDown = (communityId: string, roundId: string) =>
  useCallDownChange<TAdjustCallDown>(communityId, roundId, (body) =>
    request('PATCH', callDownPath(communityId, roundId), ZCallDownPlan, body),
  );

export const usePublishCallDown = (communityId: string, roundId: string) =>
  useCallDownChange<void>(communityId, roundId, () =>
    request('POST', callDownPath(communityId, roundId, '/publish'), ZCallDownPlan),
  );
