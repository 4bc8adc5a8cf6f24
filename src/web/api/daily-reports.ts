import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DAILY_REPORT_MADE } from '../../shared/api/daily-reports.ts';
import { ZDailyReport, ZDailyReportList } from '../../shared/api/dashboard.ts';
import { LIVE_RESYNC } from '../../shared/api/live-events.ts';
import { i18n } from '../i18n/index.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { ApiError, apiHeaders, errorFromBody, request } from './client.ts';
import { communityPath } from './registry.ts';

const reportsKey = (communityId: string) => ['daily-reports', communityId] as const;
const reportPath = (communityId: string, rest = '') => communityPath(communityId, `daily-reports${rest}`);

/** Refetches the history and the open report when a report is made (the schedule's or someone's). */
export function useLiveDailyReports(communityId: string) {
  const client = useQueryClient();
  const refetch = () => void client.invalidateQueries({ queryKey: reportsKey(communityId) });
  useLiveEvents(communityId, { [DAILY_REPORT_MADE]: refetch, [LIVE_RESYNC]: refetch });
}

export function useDailyReports(communityId: string) {
  return useQuery({
    queryKey: [...reportsKey(communityId), 'list'],
    queryFn: () => request('GET', reportPath(communityId), ZDailyReportList),
  });
}

export function useDailyReport(communityId: string, day: string) {
  return useQuery({
    queryKey: [...reportsKey(communityId), 'day', day],
    queryFn: () => request('GET', reportPath(communityId, `/${day}`), ZDailyReport),
    retry: false,
  });
}

export function useMakeDailyReport(communityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => request('POST', reportPath(communityId, `/${day}`), ZDailyReport),
    onSuccess: (report) => {
      client.setQueryData([...reportsKey(communityId), 'day', report.day], report);
      void client.invalidateQueries({ queryKey: [...reportsKey(communityId), 'list'] });
    },
  });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileName(disposition: string | null, fallback: string) {
  const encoded = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return (disposition && /filename="?([^";]+)"?/i.exec(disposition)?.[1]) || fallback;
}

/** Downloads a report's xlsx through fetch, so a refusal shows as a message rather than a JSON page. */
export async function downloadDailyReport(communityId: string, day: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(reportPath(communityId, `/${day}.xlsx`), {
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
  link.download = fileName(response.headers.get('content-disposition'), `daily-report-${day}.xlsx`);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
