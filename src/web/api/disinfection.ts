import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DISINFECTION_CHANGED,
  type TDisinfectionAreaInput,
  type TUpdateDisinfectionArea,
  ZDisinfectionArea,
  ZDisinfectionAreaList,
  ZDisinfectionCoverage,
  ZDisinfectionPhoto,
  ZDisinfectionTask,
  ZDisinfectionTaskList,
} from '../../shared/api/disinfection.ts';
import { LIVE_RESYNC } from '../../shared/api/live-events.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';
import { uploadFile } from './upload.ts';

/** Every disinfection query lives under this key: one change anywhere refreshes tasks, areas and coverage. */
export const disinfectionKey = (communityId: string) => ['disinfection', communityId] as const;
const path = (communityId: string, rest: string) => communityPath(communityId, `disinfection/${rest}`);

/** Refetches what is shown when anyone logs a round or changes an area (or the stream was cut off). */
export function useLiveDisinfection(communityId: string) {
  const queryClient = useQueryClient();
  const refetch = () => void queryClient.invalidateQueries({ queryKey: disinfectionKey(communityId) });
  useLiveEvents(communityId, { [DISINFECTION_CHANGED]: refetch, [LIVE_RESYNC]: refetch });
}

/** Today's rounds (the community's day), or another day's. */
export function useDisinfectionTasks(communityId: string, date?: string, enabled = true) {
  return useQuery({
    queryKey: [...disinfectionKey(communityId), 'tasks', date ?? 'today'],
    enabled,
    // a volunteer not in the disinfection group is told 403 once, not three times
    retry: (count, error) => count < 2 && (error as { status?: number }).status !== 403,
    queryFn: () =>
      request('GET', path(communityId, date ? `tasks?date=${date}` : 'tasks'), ZDisinfectionTaskList),
  });
}

export function useDisinfectionCoverage(communityId: string) {
  return useQuery({
    queryKey: [...disinfectionKey(communityId), 'coverage'],
    queryFn: () => request('GET', path(communityId, 'coverage'), ZDisinfectionCoverage),
  });
}

export function useDisinfectionAreas(communityId: string) {
  return useQuery({
    queryKey: [...disinfectionKey(communityId), 'areas'],
    queryFn: async () =>
      (await request('GET', path(communityId, 'areas?all=1'), ZDisinfectionAreaList)).areas,
  });
}

export function useSaveDisinfectionArea(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string | null;
      body: TDisinfectionAreaInput | TUpdateDisinfectionArea;
    }) =>
      id
        ? request('PUT', path(communityId, `areas/${id}`), ZDisinfectionArea, body)
        : request('POST', path(communityId, 'areas'), ZDisinfectionArea, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: disinfectionKey(communityId) }),
  });
}

/**
 * Logs a round done, then sends its photo if one was taken: the log is what counts, so a photo that
 * fails to upload leaves the round logged and says so.
 */
export function useLogDisinfection(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ taskId, note, photo }: { taskId: string; note?: string; photo?: File | null }) => {
      const task = await request('POST', path(communityId, `tasks/${taskId}/log`), ZDisinfectionTask, {
        ...(note ? { note } : {}),
      });
      if (!photo) return { task, photoError: null };
      try {
        await uploadFile(path(communityId, `tasks/${taskId}/photo`), photo, ZDisinfectionPhoto, () => {});
        return { task, photoError: null };
      } catch (err) {
        return { task, photoError: err };
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: disinfectionKey(communityId) }),
  });
}
