import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCancelShift,
  type TCreateShiftTemplate,
  type TGenerateShifts,
  ZCancelledShift,
  ZGeneratedShifts,
  ZShiftTemplate,
  ZShiftTemplateList,
} from '../../shared/api/shift-templates.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';
import { queryString } from './residents.ts';
import { shiftsKey } from './shifts.ts';

const templatesKey = (communityId: string) => ['shift-templates', communityId] as const;

/** One group's templates; nothing is asked until a group is known. */
export function useShiftTemplates(communityId: string, groupId: string | undefined) {
  return useQuery({
    queryKey: [...templatesKey(communityId), groupId ?? null],
    enabled: groupId !== undefined,
    queryFn: async () =>
      (
        await request(
          'GET',
          communityPath(communityId, `shift-templates${queryString({ groupId })}`),
          ZShiftTemplateList,
        )
      ).items,
  });
}

export function useCreateShiftTemplate(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (template: TCreateShiftTemplate) =>
      request('POST', communityPath(communityId, 'shift-templates'), ZShiftTemplate, template),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesKey(communityId) }),
  });
}

export function useArchiveShiftTemplate(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) =>
      request(
        'DELETE',
        communityPath(communityId, `shift-templates/${encodeURIComponent(templateId)}`),
        null,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: templatesKey(communityId) }),
  });
}

/** One template's shifts for some days; the page runs it for each template chosen. */
export function useGenerateShifts(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ templateId, ...range }: TGenerateShifts & { templateId: string }) =>
      request(
        'POST',
        communityPath(communityId, `shift-templates/${encodeURIComponent(templateId)}/generate`),
        ZGeneratedShifts,
        range,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shiftsKey(communityId) }),
  });
}

export function useCancelShift(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ shiftId, ...body }: TCancelShift & { shiftId: string }) =>
      request(
        'POST',
        communityPath(communityId, `shifts/${encodeURIComponent(shiftId)}/cancel`),
        ZCancelledShift,
        body,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shiftsKey(communityId) }),
  });
}
