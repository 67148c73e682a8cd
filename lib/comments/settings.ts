import { eq } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { commentSettings } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { authorizeSpace } from '@/lib/spaces/access';
import { parseInput } from '@/lib/validation';
import { RESPONSE_HOURS_DEFAULT } from './rules';
import { commentSettingsSchema, type CommentSettingsInput } from './schema';

/** A space's response rule, and the zone its working hours are read in (the organisation's default). */
export interface ResponseRule {
  responseHours: number;
  workingHoursOnly: boolean;
  timeZone: string;
}

export async function responseRuleOf(executor: Pick<Database | Transaction, 'select'>, spaceId: string): Promise<ResponseRule> {
  const [row] = await executor.select().from(commentSettings).where(eq(commentSettings.spaceId, spaceId));
  return {
    responseHours: row?.responseHours ?? RESPONSE_HOURS_DEFAULT,
    workingHoursOnly: row?.workingHoursOnly ?? false,
    timeZone: env.DEFAULT_TIME_ZONE,
  };
}

/** The response rule as members see it (anyone who sees the space). */
export async function getCommentSettings(actor: Actor, spaceId: string): Promise<ResponseRule> {
  const db = await getDb();
  const access = await authorizeSpace(db, actor, spaceId, 'space.view');
  return responseRuleOf(db, access.space.id);
}

/**
 * Sets how long a comment may wait for an answer (space admins). It applies to comments written
 * from now on; the due times of those already waiting stay as they were announced.
 */
export async function updateCommentSettings(actor: Actor, spaceId: string, input: CommentSettingsInput): Promise<ResponseRule> {
  const data = parseInput(commentSettingsSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'space.manageSettings', { lock: true });
    const values = { responseHours: data.responseHours, workingHoursOnly: data.workingHoursOnly, updatedBy: actorId(actor) };
    await tx.insert(commentSettings).values({ spaceId: space.id, ...values })
      .onConflictDoUpdate({ target: commentSettings.spaceId, set: { ...values, updatedAt: new Date() } });
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'comment.settings', targetType: 'space', targetId: space.id, data: values });
    return responseRuleOf(tx, space.id);
  });
}
