import { z } from 'zod';
import { zText } from './common.ts';

// Where a compound is and when its day report is made (issue 10, street view and daily reports).
// The street view's and the reports' own shapes are in dashboard.ts (ZStreetOverview, ZDailyReport).

/** 'HH:MM' on the community's wall clock. */
export const ZReportTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM' });

export const ZCommunityPlace = z
  .object({
    /** WGS-84 degrees; both or neither */
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
    /** the sub-district (街道) the compound belongs to */
    street: zText(60).nullable(),
    dailyReportTime: ZReportTime,
  })
  .refine((p) => (p.latitude === null) === (p.longitude === null), {
    message: 'latitude and longitude go together',
    path: ['longitude'],
  });
export type TCommunityPlace = z.infer<typeof ZCommunityPlace>;
