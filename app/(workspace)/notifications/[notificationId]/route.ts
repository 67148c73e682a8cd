import { redirect } from 'next/navigation';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { markNotificationRead } from '@/lib/notify/service';

export const dynamic = 'force-dynamic';

/**
 * Opening a notification: it is read, and the browser goes to what it is about. A plain link (not
 * a form) so it opens in a new tab or from a long press like any link; one not the visitor's goes back to the list.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ notificationId: string }> }) {
  const { notificationId } = await params;
  const user = await requireUser(`/notifications/${notificationId}`);
  let href = '/notifications';
  try {
    href = await markNotificationRead(userActor(user), notificationId);
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  redirect(href);
}
