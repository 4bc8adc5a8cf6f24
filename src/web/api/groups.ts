import { useMutation, useQuery } from '@tanstack/react-query';
import { ZGroup, ZGroupList } from '../../shared/api/volunteers.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';
import { useInvalidateVolunteers, volunteersKey } from './volunteers.ts';

/** The groups in their set order, with member counts and leaders. */
export function useGroups(communityId: string) {
  return useQuery({
    queryKey: [...volunteersKey(communityId), 'groups'],
    queryFn: async () =>
      (await request('GET', communityPath(communityId, 'groups'), ZGroupList)).items.sort(
        (a, b) => a.sort - b.sort,
      ),
    staleTime: 60_000,
  });
}

export function useCreateGroup(communityId: string) {
  const invalidate = useInvalidateVolunteers(communityId);
  return useMutation({
    mutationFn: (name: string) => request('POST', communityPath(communityId, 'groups'), ZGroup, { name }),
    onSuccess: invalidate,
  });
}

export function useRenameGroup(communityId: string) {
  const invalidate = useInvalidateVolunteers(communityId);
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      request('PATCH', communityPath(communityId, `groups/${encodeURIComponent(id)}`), ZGroup, { name }),
    onSuccess: invalidate,
  });
}
