import { openSseBody } from '@/lib/realtime/sse-body';
import { subscribeUser } from '@/lib/realtime/user-signals';
import { countUnreadNotifications } from './queries';

const RETRY_MS = 5000;

/**
 * A person's notification stream (SSE): an `unread` event with the count now, and again whenever
 * their notifications change (a new one, one read). Nothing to replay: each event is the whole state.
 */
export async function openNotificationStream(userId: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  let reading = false;
  let again = false;
  let unsubscribe = () => {};
  const body = openSseBody({ signal, retryMs: RETRY_MS, onClose: () => unsubscribe() });
  // Signals that arrive while the count is read make one more read, not one each.
  const sendCount = async (): Promise<void> => {
    if (reading) return void (again = true);
    reading = true;
    try {
      do {
        again = false;
        body.write(`event: unread\ndata: ${JSON.stringify({ unread: await countUnreadNotifications(userId) })}\n\n`);
      } while (again && !body.isClosed());
    } catch {
      body.close();
    } finally {
      reading = false;
    }
  };
  unsubscribe = await subscribeUser(userId, () => void sendCount());
  if (body.isClosed()) unsubscribe();
  void sendCount();
  return body.stream;
}
