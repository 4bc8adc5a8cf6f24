import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ANNOUNCEMENT_READ,
  ANNOUNCEMENTS_CHANGED,
  type TPublishAnnouncement,
  ZAnnouncementDetail,
  ZAnnouncementImage,
  ZAnnouncementList,
  ZMarkAnnouncementReadResult,
  ZPublicAnnouncementList,
  ZReadReceipts,
} from '../../shared/api/announcements.ts';
import { LIVE_RESYNC } from '../../shared/api/live-events.ts';
import { useLiveEvents } from '../lib/useLiveEvents.ts';
import { request } from './client.ts';
import { communityPath } from './registry.ts';
import { uploadFile } from './upload.ts';

/** Every announcement query of a community lives under this key, so one invalidation refreshes them all. */
export const announcementsKey = (communityId: string) => ['announcements', communityId] as const;

export const announcementsPath = (communityId: string, announcementId?: string, rest = '') =>
  communityPath(
    communityId,
    `announcements${announcementId ? `/${encodeURIComponent(announcementId)}` : ''}${rest ? `/${rest}` : ''}`,
  );

export const noticeBoardQrUrl = (communityId: string) => announcementsPath(communityId, undefined, 'qr.png');

/** Lists and pages refetch when an announcement is published, withdrawn or given its image. */
export function useLiveAnnouncements(communityId: string, withReceipts = false) {
  const queryClient = useQueryClient();
  const refetch = () => void queryClient.invalidateQueries({ queryKey: announcementsKey(communityId) });
  const receipts = () =>
    void queryClient.invalidateQueries({ queryKey: [...announcementsKey(communityId), 'receipts'] });
  useLiveEvents(communityId, {
    [ANNOUNCEMENTS_CHANGED]: refetch,
    [LIVE_RESYNC]: refetch,
    ...(withReceipts ? { [ANNOUNCEMENT_READ]: receipts } : {}),
  });
}

export function useAnnouncements(communityId: string, past = false) {
  return useQuery({
    queryKey: [...announcementsKey(communityId), 'list', past],
    queryFn: () => request('GET', `${announcementsPath(communityId)}?past=${past}`, ZAnnouncementList),
  });
}

export function useAnnouncement(communityId: string, announcementId: string) {
  return useQuery({
    queryKey: [...announcementsKey(communityId), 'detail', announcementId],
    queryFn: () => request('GET', announcementsPath(communityId, announcementId), ZAnnouncementDetail),
    retry: false,
  });
}

export function useReadReceipts(communityId: string, announcementId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...announcementsKey(communityId), 'receipts', announcementId],
    enabled,
    queryFn: () => request('GET', announcementsPath(communityId, announcementId, 'receipts'), ZReadReceipts),
  });
}

export function usePublishAnnouncement(communityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPublishAnnouncement) =>
      request('POST', announcementsPath(communityId), ZAnnouncementDetail, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: announcementsKey(communityId) }),
  });
}

export function useWithdrawAnnouncement(communityId: string, announcementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      request('POST', announcementsPath(communityId, announcementId, 'withdraw'), ZAnnouncementDetail),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: announcementsKey(communityId) }),
  });
}

/** Marks it read, and refreshes the list (bold goes) and the bell (its notice was read with it). */
export function useMarkAnnouncementRead(communityId: string, announcementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      request('POST', announcementsPath(communityId, announcementId, 'read'), ZMarkAnnouncementReadResult),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...announcementsKey(communityId), 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function uploadAnnouncementImage(
  communityId: string,
  announcementId: string,
  file: File,
  onProgress: (percent: number) => void,
) {
  return uploadFile(
    announcementsPath(communityId, announcementId, 'image'),
    file,
    ZAnnouncementImage,
    onProgress,
  );
}

/** The public notice board (no sign-in needed). */
export function usePublicNotices(slug: string) {
  return useQuery({
    queryKey: ['public-notices', slug],
    queryFn: () =>
      request(
        'GET',
        `/api/public/communities/${encodeURIComponent(slug)}/announcements`,
        ZPublicAnnouncementList,
      ),
    retry: false,
  });
}
