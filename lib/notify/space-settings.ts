import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { deliveries, digestSchedules, spaceWebhooks, type DigestSchedule } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { Invalid, NotFound } from '@/lib/errors';
import { assertDepartmentsInOrg } from '@/lib/org/guards';
import { authorizeSpace } from '@/lib/spaces/access';
import { isUuid, parseInput } from '@/lib/validation';
import { checkWebhookUrl } from './channels/webhook-url';
import { DELIVERY_STATUSES, SPACE_WEBHOOKS_MAX, type DeliveryStatus } from './rules';
import { digestScheduleSchema, webhookSchema, type DigestScheduleInput, type WebhookInput } from './schema';

// A space's delivery settings, kept by its admins: the daily digest, the group robots, and what
// the outbox could not deliver.

/** The digest schedule, or null when none is set (admins). */
export async function getDigestSchedule(actor: Actor, spaceId: string): Promise<DigestSchedule | null> {
  const db = await getDb();
  const { space } = await authorizeSpace(db, actor, spaceId, 'space.viewAudit');
  const [row] = await db.select().from(digestSchedules).where(eq(digestSchedules.spaceId, space.id));
  return row ?? null;
}

/** Sets when and to whom the daily digest goes (space admins); departments must be the organisation's. */
export async function saveDigestSchedule(actor: Actor, spaceId: string, input: DigestScheduleInput): Promise<DigestSchedule> {
  const data = parseInput(digestScheduleSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'space.manageSettings', { lock: true });
    await assertDepartmentsInOrg(tx, space.organizationId, data.departmentIds, 'departmentIds');
    const values = {
      enabled: data.enabled, timeOfDay: data.timeOfDay, daysOfWeek: [...new Set(data.daysOfWeek)].sort(), timeZone: data.timeZone ?? env.DEFAULT_TIME_ZONE,
      audiences: [...new Set(data.audiences)], departmentIds: [...new Set(data.departmentIds)], updatedBy: actorId(actor),
    };
    const [row] = await tx.insert(digestSchedules).values({ spaceId: space.id, ...values })
      .onConflictDoUpdate({ target: digestSchedules.spaceId, set: values }).returning();
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'space.digest', targetType: 'space', targetId: space.id, data: { after: values } });
    return row!;
  });
}

/** The space's group robots, without their URLs' tokens or secrets (admins). */
export async function listSpaceWebhooks(actor: Actor, spaceId: string) {
  const db = await getDb();
  const { space } = await authorizeSpace(db, actor, spaceId, 'space.viewAudit');
  const rows = await db.select().from(spaceWebhooks).where(eq(spaceWebhooks.spaceId, space.id)).orderBy(spaceWebhooks.createdAt);
  return rows.map(({ url, secret, ...row }) => ({ ...row, host: new URL(url).host, signed: Boolean(secret) }));
}

/**
 * Adds a group robot (space admins). Its URL must be http(s) and may not point at link-local or
 * cloud metadata addresses, checked now against DNS and again at every send.
 */
export async function addSpaceWebhook(actor: Actor, spaceId: string, input: WebhookInput) {
  const data = parseInput(webhookSchema, input);
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.manageSettings');
  const { url } = await checkWebhookUrl(data.url);
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'space.manageSettings', { lock: true });
    const [existing] = await tx.select({ n: count() }).from(spaceWebhooks).where(eq(spaceWebhooks.spaceId, space.id));
    if ((existing?.n ?? 0) >= SPACE_WEBHOOKS_MAX) throw Invalid({ url: ['webhookLimit'] });
    const [row] = await tx.insert(spaceWebhooks).values({
      spaceId: space.id, kind: data.kind, name: data.name, url: url.toString(), secret: data.secret ?? null, createdBy: actorId(actor),
    }).returning({ id: spaceWebhooks.id, kind: spaceWebhooks.kind, name: spaceWebhooks.name });
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'space.webhookAdd', targetType: 'webhook', targetId: row!.id, data: { kind: data.kind, name: data.name, host: url.host } });
    return row!;
  });
}

export async function removeSpaceWebhook(actor: Actor, webhookId: string): Promise<void> {
  if (!isUuid(webhookId)) throw NotFound();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [found] = await tx.select().from(spaceWebhooks).where(eq(spaceWebhooks.id, webhookId));
    if (!found) throw NotFound();
    const { space } = await authorizeSpace(tx, actor, found.spaceId, 'space.manageSettings', { lock: true });
    await tx.delete(spaceWebhooks).where(and(eq(spaceWebhooks.id, webhookId), eq(spaceWebhooks.spaceId, space.id)));
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'space.webhookRemove', targetType: 'webhook', targetId: webhookId, data: { name: found.name } });
  });
}

export const DELIVERIES_PAGE_SIZE = 50;

const sqlSubject = sql<string>`coalesce(${deliveries.payload}->>'subject', ${deliveries.payload}->>'title')`;

/** What the outbox sent or could not send for the space, newest first: failures are shown to its admins. */
export async function listSpaceDeliveries(actor: Actor, spaceId: string, status?: string) {
  const db = await getDb();
  const { space } = await authorizeSpace(db, actor, spaceId, 'space.viewAudit');
  const conditions: SQL[] = [eq(deliveries.spaceId, space.id)];
  if (status !== undefined) {
    if (!DELIVERY_STATUSES.includes(status as DeliveryStatus)) throw Invalid({ status: ['invalid'] });
    conditions.push(eq(deliveries.status, status as DeliveryStatus));
  }
  return db.select({
    id: deliveries.id, channel: deliveries.channel, target: deliveries.target, status: deliveries.status, attempts: deliveries.attempts,
    nextAttemptAt: deliveries.nextAttemptAt, lastError: deliveries.lastError, sentAt: deliveries.sentAt, createdAt: deliveries.createdAt,
    subject: sqlSubject,
  }).from(deliveries).where(and(...conditions)).orderBy(desc(deliveries.createdAt)).limit(DELIVERIES_PAGE_SIZE);
}
