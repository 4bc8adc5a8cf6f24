import { useInfiniteQuery } from '@tanstack/react-query';
import { ZAuditPage } from '../../shared/api/audit.ts';
import { request } from './client.ts';

export interface AuditFilters {
  action?: string;
  /** ISO instants, already converted from the community's calendar days. */
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

export function useAuditLog(communityId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', communityId, filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (filters.action) query.set('action', filters.action);
      if (filters.from) query.set('from', filters.from);
      if (filters.to) query.set('to', filters.to);
      if (pageParam !== null) query.set('before', String(pageParam));
      return request('GET', `/api/communities/${encodeURIComponent(communityId)}/audit?${query}`, ZAuditPage);
    },
    getNextPageParam: (page) => page.nextBefore,
  });
}
