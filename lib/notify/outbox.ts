import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { deliveries, spaceWebhooks, type Delivery } from '@/db/schema';
import { meetingCalendar } from '@/lib/meetings/calendar-email';
import { createMailer, type EmailMessage, type Mailer } from './channels/email';
import { nextAttemptAt } from './channels/retry';
import { postWebhook } from './channels/webhook';
import type { WebhookMessage } from './channels/webhook-formats';

// The outbox: a message to send is a row written in the transaction that decided to send it; a
// worker sends it after commit. Queueing is idempotent (a unique key); sending is at least once,
// with the same Message-ID (email) on a retry, so a receiver can drop a duplicate.

/** A meeting's invitation, built when the email is sent (so a late retry carries the meeting as it is then). */
export interface CalendarAttachment {
  meetingId: string;
  /** For someone taken off the attendee list: their calendar drops the event. */
  cancel: boolean;
  /** The reader's language, for the invitation's own words (the agenda heading). */
  locale?: string | null;
}
export type EmailPayload = Pick<EmailMessage, 'subject' | 'text' | 'html'> & { calendar?: CalendarAttachment };
export type QueuedDelivery =
  | { channel: 'email'; target: string; payload: EmailPayload }
  | { channel: 'webhook'; target: string; payload: WebhookMessage };

/** Queues messages in the caller's transaction, due from `now`; a key already queued is left as it is. */
export async function queueDeliveries(
  tx: Transaction, base: { organizationId: string; spaceId?: string | null }, items: (QueuedDelivery & { idempotencyKey: string })[], now = new Date(),
): Promise<void> {
  if (!items.length) return;
  await tx.insert(deliveries).values(items.map((item) => ({
    organizationId: base.organizationId, spaceId: base.spaceId ?? null, channel: item.channel, target: item.target,
    idempotencyKey: item.idempotencyKey, payload: item.payload as unknown as Record<string, unknown>, nextAttemptAt: now,
  }))).onConflictDoNothing({ target: deliveries.idempotencyKey });
}

/** How long a claimed delivery is this worker's; a worker that died mid-send frees it after this. */
const LEASE_MS = 2 * 60_000;
const BATCH = 50;

/** Takes up to `limit` due deliveries for this worker; other processes skip the rows it holds. */
async function claimDue(db: Database, now: Date, limit: number): Promise<Delivery[]> {
  const due = db.select({ id: deliveries.id }).from(deliveries)
    .where(and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
    .orderBy(deliveries.nextAttemptAt).limit(limit)
    .for('update', { skipLocked: true });
  return db.update(deliveries)
    .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${deliveries.attempts} + 1` })
    .where(inArray(deliveries.id, due))
    .returning();
}

export interface Senders {
  email: () => Mailer;
  webhook: typeof postWebhook;
}

const defaultSenders: Senders = { email: () => createMailer(), webhook: postWebhook };

async function send(db: Database, delivery: Delivery, senders: Senders, mailer: () => Mailer, now: Date): Promise<void> {
  if (delivery.channel === 'email') {
    const { calendar, ...payload } = delivery.payload as unknown as EmailPayload;
    await mailer().send({
      ...payload, to: delivery.target, idempotencyKey: delivery.idempotencyKey,
      ...(calendar ? { calendar: await meetingCalendar(calendar) } : {}),
    });
    return;
  }
  const robot = delivery.spaceId
    ? (await db.select().from(spaceWebhooks).where(and(eq(spaceWebhooks.id, delivery.target), eq(spaceWebhooks.spaceId, delivery.spaceId))))[0]
    : undefined;
  if (!robot) throw new Error('The robot was removed from the space.');
  await senders.webhook(robot, delivery.payload as unknown as WebhookMessage, { now });
}

/**
 * Sends what is due, a batch at a time, until nothing due is left: each success is marked sent,
 * each failure waits for its next try (1 min, 5 min, 30 min, 2 h, 6 h) and after the last is
 * marked failed with its error, which the space's admins see. Returns how many were sent and failed.
 */
export async function deliverDue(now = new Date(), senders: Senders = defaultSenders): Promise<{ sent: number; failed: number }> {
  const db = await getDb();
  let mailer: Mailer | null = null;
  const mailerOnce = () => (mailer ??= senders.email());
  const tally = { sent: 0, failed: 0 };
  try {
    for (;;) {
      const batch = await claimDue(db, now, BATCH);
      for (const delivery of batch) {
        try {
          await send(db, delivery, senders, mailerOnce, now);
          await db.update(deliveries).set({ status: 'sent', sentAt: now, lastError: null }).where(eq(deliveries.id, delivery.id));
          tally.sent += 1;
        } catch (error) {
          const retryAt = nextAttemptAt(delivery.attempts, now);
          const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
          await db.update(deliveries).set(retryAt ? { nextAttemptAt: retryAt, lastError } : { status: 'failed', lastError }).where(eq(deliveries.id, delivery.id));
          tally.failed += 1;
        }
      }
      if (batch.length < BATCH) return tally;
    }
  } finally {
    (mailer as Mailer | null)?.close();
  }
}
