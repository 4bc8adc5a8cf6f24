import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TChangePasswordRequest,
  type TSessionResponse,
  ZSessionResponse,
} from '../../shared/api/auth.ts';
import type { Locale } from '../../shared/roles.ts';
import { request, setCsrfToken } from './client.ts';

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<TSessionResponse> {
  return remember(await request('GET', '/api/session', ZSessionResponse));
}

function remember(response: TSessionResponse): TSessionResponse {
  setCsrfToken(response.session?.csrfToken ?? null);
  return response;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { username: string; password: string }) =>
      remember(await request('POST', '/api/session', ZSessionResponse, input)),
    onSuccess: (response) => queryClient.setQueryData(sessionKey, response),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request('DELETE', '/api/session', null),
    onSuccess: () => {
      const demo = queryClient.getQueryData<TSessionResponse>(sessionKey)?.demo ?? false;
      setCsrfToken(null);
      // Nothing cached for one person may be shown to the next one on this phone.
      queryClient.clear();
      queryClient.setQueryData<TSessionResponse>(sessionKey, { session: null, demo });
    },
  });
}

export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) =>
      remember(await request('PATCH', '/api/me', ZSessionResponse, { locale })),
    onSuccess: (response) => queryClient.setQueryData(sessionKey, response),
  });
}

/** The session continues under a new token and CSRF token; every other session of the account ends. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: TChangePasswordRequest) =>
      remember(await request('PUT', '/api/me/password', ZSessionResponse, input)),
    onSuccess: (response) => queryClient.setQueryData(sessionKey, response),
  });
}

/** Called on any 401: the server no longer knows this session, so the app shows the sign-in page. */
export function markSignedOut(queryClient: ReturnType<typeof useQueryClient>) {
  const previous = queryClient.getQueryData<TSessionResponse>(sessionKey);
  if (previous && !previous.session) return;
  setCsrfToken(null);
  queryClient.setQueryData<TSessionResponse>(sessionKey, { session: null, demo: previous?.demo ?? false });
}
