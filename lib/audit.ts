import { desc, eq, type SQL } from 'drizzle-orm';
import { auditEvents, feedEvents, users } from '@/db/schema';
import { getDb, type Database } from '@/db/client';
import { actorId, type Actor } from '@/lib/auth/actor';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { feedLinesFor } from '@/lib/feed/from-audit';

type Executor = Pick<Database, 'insert'>;

export interface AuditEntry {
  organizationId: string | null;
  /** For changes inside a space: its admins read them in the space's log. */
  spaceId?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

/**
 * Records who did what; call inside the same transaction as the change it describes. A change the
 * space's members should hear of gets its line in the space's feed in the same step.
 */
export async function recordAudit(executor: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  const by = actorId(actor);
  await executor.insert(auditEvents).values({ ...entry, actorId: by });
  const lines = entry.spaceId ? feedLinesFor(entry) : [];
  if (lines.length) await executor.insert(feedEvents).values(lines.map((line) => ({ ...line, spaceId: entry.spaceId!, actorId: by })));
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of audit rows matching `where`, newest first, with who did it (one row extra tells more follow). */
export async function readAuditPage(where: SQL, page = 1) {
  const db = await getDb();
  return db
    .select({
      id: auditEvents.id, action: auditEvents.action, targetType: auditEvents.targetType, targetId: auditEvents.targetId,
      data: auditEvents.data, createdAt: auditEvents.createdAt, actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.createdAt))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((Math.max(1, page) - 1) * AUDIT_PAGE_SIZE);
}

/** The organisation's audit trail, newest first, with who did it (admins only). */
export async function listAuditEvents(actor: Actor, organizationId: string, page = 1) {
  assertCanInOrg(actor, organizationId, 'org.viewAudit');
  return readAuditPage(eq(auditEvents.organizationId, organizationId), page);
}
