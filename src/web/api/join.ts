import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type TRegisterVolunteer, ZJoinInfo, ZRegistration } from '../../shared/api/volunteers.ts';
import { request } from './client.ts';
import { sessionKey } from './session.ts';

const joinPath = (slug: string, token: string) =>
  `/api/join/${encodeURIComponent(slug)}/${encodeURIComponent(token)}`;

/** The public side of a call: whose it is, whether it is open, and the buildings to choose from. */
export function useJoinInfo(slug: string, token: string) {
  return useQuery({
    queryKey: ['join', slug, token],
    queryFn: () => request('GET', joinPath(slug, token), ZJoinInfo),
    staleTime: 5 * 60_000,
  });
}

/** Registers and, as the server signs the new volunteer in, loads their session. */
export function useRegisterVolunteer(slug: string, token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TRegisterVolunteer) => request('POST', joinPath(slug, token), ZRegistration, input),
    onSuccess: () => {
      // Whatever was cached for a previous person on this phone is not theirs.
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== 'join' && query.queryKey[0] !== sessionKey[0],
      });
      return queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
