import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type TCreateMedicineRequest,
  type TUpdateMedicineRequestStatus,
  ZMedicineRequestDetail,
  ZMedicineRequestList,
  ZMedicineRequestRow,
  ZMedicineResidentChoices,
} from '../../shared/api/medicine.ts';
import { i18n } from '../i18n/index.ts';
import { ApiError, apiHeaders, errorFrom, request } from './client.ts';
import { communityPath } from './registry.ts';

const requestsPath = (communityId: string, rest = '') =>
  communityPath(communityId, `medicine-requests${rest ? `/${rest}` : ''}`);

export type MedicineListFilter = { status: 'open' | 'finished' | 'all'; mine?: boolean };

export function useMedicineRequests(communityId: string, filter: MedicineListFilter) {
  return useQuery({
    queryKey: ['medicine', communityId, 'requests', filter],
    queryFn: () =>
      request(
        'GET',
        `${requestsPath(communityId)}?status=${filter.status}${filter.mine ? '&mine=true' : ''}`,
        ZMedicineRequestList,
      ),
  });
}

export function useMedicineRequest(communityId: string, requestId: string) {
  return useQuery({
    queryKey: ['medicine', communityId, 'request', requestId],
    queryFn: () =>
      request('GET', requestsPath(communityId, encodeURIComponent(requestId)), ZMedicineRequestDetail),
  });
}

export function useMedicineResidents(
  communityId: string,
  query: { building?: string; room?: string; q?: string; mine?: string },
  enabled: boolean,
) {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => Boolean(e[1]?.trim())),
  );
  return useQuery({
    queryKey: ['medicine', communityId, 'residents', params.toString()],
    enabled,
    queryFn: () =>
      request('GET', communityPath(communityId, `medicine-residents?${params}`), ZMedicineResidentChoices),
  });
}

const invalidate = (client: ReturnType<typeof useQueryClient>, communityId: string) =>
  client.invalidateQueries({ queryKey: ['medicine', communityId] });

export function useCreateMedicineRequest(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateMedicineRequest) =>
      request('POST', requestsPath(communityId), ZMedicineRequestRow.extend({}).passthrough(), body),
    onSuccess: () => invalidate(client, communityId),
  });
}

export function useTriageMedicineRequest(communityId: string, requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { urgency: 'critical' | 'high' | 'normal'; reason: string }) =>
      request(
        'POST',
        requestsPath(communityId, `${encodeURIComponent(requestId)}/triage`),
        z.unknown(),
        body,
      ),
    onSuccess: () => invalidate(client, communityId),
  });
}

export function useUpdateMedicineStatus(communityId: string, requestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateMedicineRequestStatus) =>
      request(
        'POST',
        requestsPath(communityId, `${encodeURIComponent(requestId)}/status`),
        z.unknown(),
        body,
      ),
    onSuccess: () => invalidate(client, communityId),
  });
}

export type MedicinePhotoKind = 'prescription' | 'insurance_card' | 'box' | 'receipt' | 'delivery';

/** One photo onto a request (multipart, one file; the kind in the query). */
export async function uploadMedicinePhoto(
  communityId: string,
  requestId: string,
  kind: MedicinePhotoKind,
  file: File,
) {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    // The server reads the kind from the query (the multipart body carries only the photo).
    const path = requestsPath(communityId, `${encodeURIComponent(requestId)}/attachments?kind=${kind}`);
    response = await fetch(path, {
      method: 'POST',
      headers: apiHeaders('POST'),
      body: form,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.cannotReach'));
  }
  if (!response.ok) throw await errorFrom(response);
}
