import { ROLES } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/authorize.ts';

/**
 * Who may do what with announcements (通知公告). The table is the first gate; announcements-access.ts
 * then asks where a `leader` or `volunteer` stands: only the publicity group (宣传组) publishes with
 * the coordinators and committee staff. Everyone reads what reached them.
 */
export const announcementActions = definePolicy({
  // publishing, withdrawing, the image, the notice-board poster
  'announcements.publish': ['coordinator', 'staff', 'leader', 'volunteer'],
  // the list, one announcement, marking it read: what reached the caller (everything, for publishers)
  'announcements.read': ROLES,
  // who has read it, per building, with the names of those who have not
  'announcements.receipts': ['coordinator', 'staff', 'leader', 'volunteer'],
});
export type AnnouncementAction = keyof typeof announcementActions;
