// Client-safe facts about notifications (通知).
import type { notificationPreferences } from '../org/schema';

/**
 * What a notification is about. The important ones (task reminders, invitations, announcements,
 * overdue replies) reach everyone; the rest only those who chose "all messages".
 */
export const NOTIFICATION_KINDS = [
  'task.assigned',
  'task.helper',
  'task.statusChanged',
  'meeting.invited',
  'meeting.updated',
  'meeting.cancelled',
  'announcement.posted',
  'comment.mentioned',
  'comment.overdue',
  'chat.mentioned',
  'digest.daily',
  'task.needsReassignment',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The routine kinds, for those who want all messages; every other kind is a reminder, an invitation or a reply owed. */
export const ROUTINE_NOTIFICATION_KINDS: readonly NotificationKind[] = ['task.statusChanged', 'chat.mentioned'];

export function isImportantKind(kind: NotificationKind): boolean {
  return !ROUTINE_NOTIFICATION_KINDS.includes(kind);
}

export type NotificationPreference = (typeof notificationPreferences)[number];

/** Whether someone with this preference gets a notification of this kind. */
export function preferenceAllows(preference: NotificationPreference, kind: NotificationKind): boolean {
  return preference === 'all' || isImportantKind(kind);
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** The notification centre's tabs: everything, the unread ones, the important ones. */
export const NOTIFICATION_FILTERS = ['all', 'unread', 'important'] as const;
export type NotificationFilter = (typeof NOTIFICATION_FILTERS)[number];

/** Who a space's daily digest goes to (any mix, plus the members of chosen departments). */
export const DIGEST_AUDIENCES = ['assignees', 'helpers', 'admins'] as const;
export type DigestAudience = (typeof DIGEST_AUDIENCES)[number];

export const WEBHOOK_KINDS = ['dingtalk', 'feishu', 'wecom'] as const;
export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** A space's group robots: a few are plenty (one per department group chat). */
export const SPACE_WEBHOOKS_MAX = 5;
