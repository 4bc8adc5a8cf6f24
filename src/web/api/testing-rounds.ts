import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZShiftList } from '../../shared/api/shifts.ts';
import {
  type TCreateTestingRound,
  TESTING_GROUP_KEY,
  type TSendToDoorToDoor,
  ZRoundCoverage,
  ZSentToDoorToDoor,
  ZTestingRound,
  ZTestingRoundList,
} from '../../shared/api/testing-rounds.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';
import { queryString } from './residents.ts';

export const testingRoundsKey = (communityId: string) => ['testing-rounds', communityId] as const;

export function useTestingRounds(communityId: string) {
  return useQuery({
    queryKey: [...testingRoundsKey(communityId), 'list'],
    queryFn: async () =>
      (await request('GET', communityPath(communityId, 'testing-rounds'), ZTestingRoundList)).items,
  });
}

export function useTestingRound(communityId: string, roundId: string) {
  return useQuery({
    queryKey: [...testingRoundsKey(communityId), 'round', roundId],
    queryFn: () => request('GET', communityPath(communityId, `testing-rounds/${roundId}`), ZTestingRound),
  });
}

export function useRoundCoverage(
  communityId: string,
  roundId: string,
  filters: { buildingId?: string | undefined; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: [...testingRoundsKey(communityId), 'round', roundId, 'coverage', filters],
    queryFn: () =>
      request(
        'GET',
        communityPath(communityId, `testing-rounds/${roundId}/coverage${queryString(filters)}`),
        ZRoundCoverage,
      ),
    placeholderData: keepPreviousData,
    // live events refresh it; this only catches up after a phone slept
    refetchInterval: 60_000,
  });
}

export function useCreateTestingRound(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateTestingRound) =>
      request('POST', communityPath(communityId, 'testing-rounds'), ZTestingRound, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: testingRoundsKey(communityId) }),
  });
}

export function useSendToDoorToDoor(communityId: string, roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSendToDoorToDoor) =>
      request(
        'POST',
        communityPath(communityId, `testing-rounds/${roundId}/door-to-door`),
        ZSentToDoorToDoor,
        body,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: testingRoundsKey(communityId) }),
  });
}

/** Upcoming shifts of the testing group (the server lists every group's; the key tells them apart). */
export function useTestingShifts(communityId: string, from: string) {
  return useQuery({
    queryKey: ['shifts', communityId, 'list', { from }],
    queryFn: async () =>
      (await request('GET', communityPath(communityId, `shifts${queryString({ from })}`), ZShiftList)).items,
    select: (shifts) => shifts.filter((s) => s.groupKey === TESTING_GROUP_KEY && s.status === 'open'),
  });
}
