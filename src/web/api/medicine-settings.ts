import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TSetMedicineSettings,
  ZMedicineSettings,
  ZSavedMedicineSettings,
} from '../../shared/api/medicine-settings.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';

// Not under medicineKey: live request events refetch those, and the deadlines do not change with requests.
const settingsKey = (communityId: string) => ['medicine-settings', communityId] as const;

export function useMedicineSettings(communityId: string, enabled = true) {
  return useQuery({
    queryKey: settingsKey(communityId),
    enabled,
    queryFn: () => request('GET', communityPath(communityId, 'medicine-settings'), ZMedicineSettings),
  });
}

export function useSetMedicineSettings(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TSetMedicineSettings) =>
      request('PUT', communityPath(communityId, 'medicine-settings'), ZSavedMedicineSettings, body),
    onSuccess: ({ appliesTo: _, ...saved }) => client.setQueryData(settingsKey(communityId), saved),
  });
}
