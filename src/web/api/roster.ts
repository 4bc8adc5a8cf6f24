import { useMutation } from '@tanstack/react-query';
import { ZImportPreview, ZImportResult } from '../../shared/api/registry.ts';
import { i18n } from '../i18n/index.ts';
import { ApiError, apiHeaders, errorFromBody, request } from './client.ts';
import { communityPath, useInvalidateRegistry } from './registry.ts';
import { queryString, type ResidentFilters } from './residents.ts';
import { uploadFile } from './upload.ts';

/** The server's own limit; checked first so nobody waits for a doomed upload. */
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024;

export function uploadRoster(
  communityId: string,
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
) {
  return uploadFile(communityPath(communityId, 'roster-imports'), file, ZImportPreview, onProgress, signal);
}

export function useCommitImport(communityId: string) {
  const invalidate = useInvalidateRegistry(communityId);
  return useMutation({
    mutationFn: (importId: string) =>
      request(
        'POST',
        communityPath(communityId, `roster-imports/${encodeURIComponent(importId)}/commit`),
        ZImportResult,
      ),
    onSuccess: invalidate,
  });
}

/** The file name from Content-Disposition (RFC 5987 filename* first, for Chinese names). */
function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads the roster as xlsx through fetch (not a plain link) so a refusal shows as a message
 * on the page instead of replacing the app with a JSON error.
 */
export async function downloadRoster(communityId: string, filters: ResidentFilters): Promise<void> {
  const { zoneId, buildingId, flag, vulnerable } = filters;
  const path = communityPath(
    communityId,
    `roster.xlsx${queryString({ zoneId, buildingId, flag, vulnerable })}`,
  );
  let response: Response;
  try {
    response = await fetch(path, {
      headers: {
        ...apiHeaders('GET'),
        accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json',
      },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.cannotReach'));
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw errorFromBody(response.status, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(
    response.headers.get('content-disposition'),
    i18n.t('residents.exportFileName'),
  );
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
