import { useMutation, useQuery } from '@tanstack/react-query';
import {
  type TOpenTube,
  type TRecordSample,
  type TSamplingResidentQuery,
  ZCodeCards,
  ZLaneSetup,
  ZMyTestingCodes,
  ZRecordedSample,
  ZSamplingResidents,
  ZTube,
} from '../../shared/api/testing-scans.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

const roundPath = (communityId: string, roundId: string, rest: string) =>
  communityPath(communityId, `testing-rounds/${encodeURIComponent(roundId)}/${rest}`);

export function useLaneSetup(communityId: string) {
  return useQuery({
    queryKey: ['testing-scans', communityId, 'lane-setup'],
    queryFn: () => request('GET', communityPath(communityId, 'testing-lane-setup'), ZLaneSetup),
  });
}

export function useMyTestingCodes(communityId: string) {
  return useQuery({
    queryKey: ['testing-scans', communityId, 'my-codes'],
    queryFn: () => request('GET', communityPath(communityId, 'my/testing-codes'), ZMyTestingCodes),
    // the codes never change once made: keep them for the lane even when the signal drops
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCodeCards(communityId: string, buildingId: string | null, withoutAccount: boolean) {
  return useQuery({
    queryKey: ['testing-scans', communityId, 'code-cards', buildingId, withoutAccount],
    enabled: buildingId !== null,
    queryFn: () =>
      request(
        'GET',
        communityPath(
          communityId,
          `testing-code-cards?buildingId=${encodeURIComponent(buildingId!)}&withoutAccount=${withoutAccount ? 1 : 0}`,
        ),
        ZCodeCards,
      ),
  });
}

export function useOpenTube(communityId: string, roundId: string) {
  return useMutation({
    // try even when the phone says it is offline: the failure is what lets the lane take the tube
    // provisionally (a paused mutation would leave the scanner waiting on a spinner)
    networkMode: 'always',
    mutationFn: (body: TOpenTube) => request('POST', roundPath(communityId, roundId, 'tubes'), ZTube, body),
  });
}

export function useCloseTube(communityId: string, roundId: string) {
  return useMutation({
    mutationFn: (tubeId: string) =>
      request('POST', roundPath(communityId, roundId, `tubes/${encodeURIComponent(tubeId)}/close`), ZTube),
  });
}

/** Opening a tube the phone took offline; the offline queue calls it, with the open's clientKey. */
export const sendOpenTube = (communityId: string, roundId: string, body: TOpenTube) =>
  request('POST', roundPath(communityId, roundId, 'tubes'), ZTube, body);

/** One scan; the offline queue calls it (not a hook: the queue outlives renders). */
export const sendSample = (communityId: string, roundId: string, tubeId: string, body: TRecordSample) =>
  request(
    'POST',
    roundPath(communityId, roundId, `tubes/${encodeURIComponent(tubeId)}/samples`),
    ZRecordedSample,
    body,
  );

export const findResidentsForSampling = (
  communityId: string,
  roundId: string,
  query: TSamplingResidentQuery,
) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return request('GET', roundPath(communityId, roundId, `sampling-residents?${params}`), ZSamplingResidents);
};
