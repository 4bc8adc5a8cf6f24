import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TApplyLaneSwitch,
  type TRecordQueueCount,
  ZAppliedLaneSwitch,
  ZGateQueue,
  ZLaneAdvice,
  ZLaneSwitchList,
} from '../../shared/api/testing-live.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

const roundPath = (communityId: string, roundId: string, rest: string) =>
  communityPath(communityId, `testing-rounds/${encodeURIComponent(roundId)}/${rest}`);

export const testingLiveKey = (communityId: string, roundId: string) =>
  ['testing-live', communityId, roundId] as const;

export function useLaneAdvice(communityId: string, roundId: string) {
  return useQuery({
    queryKey: [...testingLiveKey(communityId, roundId), 'advice'],
    queryFn: () => request('GET', roundPath(communityId, roundId, 'lane-advice'), ZLaneAdvice),
    // live events refresh it; the minute tick moves the 10-minute window and the call-down forward
    refetchInterval: 60_000,
  });
}

export function useLaneSwitches(communityId: string, roundId: string) {
  return useQuery({
    queryKey: [...testingLiveKey(communityId, roundId), 'switches'],
    queryFn: async () =>
      (await request('GET', roundPath(communityId, roundId, 'lane-switches'), ZLaneSwitchList)).items,
  });
}

/** One queue report; a plain call, since every quick tap needs its own answer (see GateCounter). */
export function recordQueueCount(
  communityId: string,
  roundId: string,
  gateId: string,
  body: TRecordQueueCount,
) {
  return request(
    'POST',
    roundPath(communityId, roundId, `gates/${encodeURIComponent(gateId)}/queue`),
    ZGateQueue,
    body,
  );
}

export function useApplyLaneSwitch(communityId: string, roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TApplyLaneSwitch) =>
      request('POST', roundPath(communityId, roundId, 'lane-switches'), ZAppliedLaneSwitch, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: testingLiveKey(communityId, roundId) }),
  });
}
