import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCreateResident,
  type TResident,
  type TUpdateResident,
  ZHouseholdPage,
  ZResident,
  ZResidentPage,
} from '../../shared/api/registry.ts';
import type { VulnerabilityFlag } from '../../shared/registry.ts';
import { request } from './client.ts';
import { communityPath, registryKey, useInvalidateRegistry } from './registry.ts';

/** "?a=1&b=2" without the empty ones, so a cleared filter is not sent as "a=". */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export interface HouseholdFilters {
  zoneId?: string;
  buildingId?: string;
  q?: string;
}

export interface ResidentFilters extends HouseholdFilters {
  householdId?: string;
  flag?: VulnerabilityFlag;
  vulnerable?: boolean;
}

export interface Paging {
  limit: number;
  offset: number;
}

export function useHouseholds(
  communityId: string,
  filters: HouseholdFilters,
  paging: Paging,
  reveal: boolean,
) {
  return useQuery({
    queryKey: [...registryKey(communityId), 'households', filters, paging, { reveal }],
    queryFn: () =>
      request(
        'GET',
        communityPath(communityId, `households${queryString({ ...filters, ...paging, reveal })}`),
        ZHouseholdPage,
      ),
    // Keep the old page on screen while the next one loads, so the list does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useResidents(communityId: string, filters: ResidentFilters, paging: Paging, reveal: boolean) {
  return useQuery({
    queryKey: [...registryKey(communityId), 'residents', filters, paging, { reveal }],
    queryFn: () =>
      request(
        'GET',
        communityPath(communityId, `residents${queryString({ ...filters, ...paging, reveal })}`),
        ZResidentPage,
      ),
    placeholderData: keepPreviousData,
  });
}

// The API serves at most 500 a page; the vulnerable list is read whole so it can be grouped and printed.
const BIG_PAGE = 500;
const MAX_PAGES = 40;

export function useAllVulnerableResidents(communityId: string, filters: ResidentFilters, reveal: boolean) {
  return useQuery({
    queryKey: [...registryKey(communityId), 'vulnerable', filters, { reveal }],
    queryFn: async () => {
      const items: TResident[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const query = queryString({
          ...filters,
          vulnerable: true,
          reveal,
          limit: BIG_PAGE,
          offset: page * BIG_PAGE,
        });
        const answer = await request('GET', communityPath(communityId, `residents${query}`), ZResidentPage);
        items.push(...answer.items);
        if (answer.items.length < BIG_PAGE || items.length >= answer.total) break;
      }
      return items;
    },
    placeholderData: keepPreviousData,
  });
}

export function useResident(communityId: string, residentId: string | null, reveal: boolean) {
  return useQuery({
    queryKey: [...registryKey(communityId), 'resident', residentId, { reveal }],
    queryFn: () =>
      request(
        'GET',
        communityPath(communityId, `residents/${encodeURIComponent(residentId!)}?reveal=${reveal}`),
        ZResident,
      ),
    enabled: residentId !== null,
  });
}

export function useCreateResident(communityId: string) {
  const invalidate = useInvalidateRegistry(communityId);
  return useMutation({
    mutationFn: (input: TCreateResident) =>
      request('POST', communityPath(communityId, 'residents'), ZResident, input),
    onSuccess: invalidate,
  });
}

export function useUpdateResident(communityId: string) {
  const invalidate = useInvalidateRegistry(communityId);
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: TUpdateResident }) =>
      request('PATCH', communityPath(communityId, `residents/${encodeURIComponent(id)}`), ZResident, changes),
    onSuccess: invalidate,
  });
}

export function useDeleteResident(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      request('DELETE', communityPath(communityId, `residents/${encodeURIComponent(id)}`), null),
    // Everything but the deleted person's own record, which would only answer 404 now.
    onSuccess: (_, id) =>
      queryClient.invalidateQueries({
        queryKey: registryKey(communityId),
        predicate: (query) => !(query.queryKey[2] === 'resident' && query.queryKey[3] === id),
      }),
  });
}
