import { countUnreadNotifications } from '@/lib/notify/queries';
import { NotificationBell } from './notification-bell';

/** The notification centre's entry point in the header, with the unread count at render time. */
export async function NotificationsButton({ userId }: { userId: string }) {
  return <NotificationBell initialUnread={await countUnreadNotifications(userId)} />;
}
