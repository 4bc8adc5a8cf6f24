import { useQuery } from '@tanstack/react-query';
import { type TRoundSimulationInput, ZRoundSimulationResult } from '../../shared/api/round-simulation.ts';
import { ZRoundReport, ZRoundSimulationDraft } from '../../shared/api/testing-report.ts';
import { i18n } from '../i18n/index.ts';
import { ApiError, apiHeaders, errorFromBody, request } from './client.ts';
import { communityPath } from './registry.ts';

export function useRoundReport(communityId: string, roundId: string) {
  return useQuery({
    queryKey: ['testing-rounds', communityId, 'round', roundId, 'report'],
    queryFn: () =>
      request('GET', communityPath(communityId, `testing-rounds/${roundId}/report`), ZRoundReport),
  });
}

/** The community's compound as a simulator input: where the "what if" page starts. */
export function useSimulationDraft(communityId: string) {
  return useQuery({
    queryKey: ['round-simulations', communityId, 'input'],
    queryFn: () =>
      request('GET', communityPath(communityId, 'round-simulations/input'), ZRoundSimulationDraft),
    staleTime: 5 * 60_000,
  });
}

export const simulateRound = (communityId: string, input: TRoundSimulationInput) =>
  request('POST', communityPath(communityId, 'round-simulations'), ZRoundSimulationResult, input);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The name the server gave the file (RFC 5987 first), else a fallback. */
function fileName(disposition: string | null, fallback: string) {
  const encoded = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall through
    }
  }
  return (disposition && /filename="?([^";]+)"?/i.exec(disposition)?.[1]) || fallback;
}

/**
 * Downloads the report's xlsx through fetch (not a plain link) so a refusal shows as a message on
 * the page instead of replacing the app with a JSON error.
 */
export async function downloadRoundReport(communityId: string, roundId: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(communityPath(communityId, `testing-rounds/${roundId}/report.xlsx`), {
      headers: { ...apiHeaders('GET'), accept: `${XLSX}, application/json` },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.cannotReach'));
  }
  if (!response.ok) throw errorFromBody(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(response.headers.get('content-disposition'), 'round-report.xlsx');
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
