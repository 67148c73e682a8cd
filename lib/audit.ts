import { auditEvents } from '@/db/schema';
import type { Database } from '@/db/client';
import { actorId, type Actor } from '@/lib/auth/actor';

type Executor = Pick<Database, 'insert'>;

export interface AuditEntry {
  organizationId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

/** Records who did what; call inside the same transaction as the change it describes. */
export async function recordAudit(executor: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditEvents).values({ ...entry, actorId: actorId(actor) });
}
