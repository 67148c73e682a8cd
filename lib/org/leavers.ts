import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { spaceMembers, tasks, type User } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notifyUsers } from '@/lib/notify/service';

/**
 * A deactivated person's open tasks need a new assignee: tells the admins of each space holding
 * some, with the person and the count. Runs in the deactivation's transaction, for every way a
 * person is deactivated (admin console, directory sync, SCIM).
 */
export async function announceLeaverTasks(tx: Transaction, actor: Actor, leaver: Pick<User, 'id' | 'name' | 'organizationId' | 'sessionVersion'>) {
  const open = await tx.select({ spaceId: tasks.spaceId, n: count() }).from(tasks)
    .where(and(eq(tasks.assigneeId, leaver.id), ne(tasks.status, 'done')))
    .groupBy(tasks.spaceId);
  if (!open.length) return;
  const admins = await tx.select({ spaceId: spaceMembers.spaceId, userId: spaceMembers.userId }).from(spaceMembers)
    .where(and(inArray(spaceMembers.spaceId, open.map((o) => o.spaceId)), eq(spaceMembers.isAdmin, true)));
  for (const { spaceId, n } of open) {
    await notifyUsers(tx, actor, admins.filter((a) => a.spaceId === spaceId).map((a) => a.userId), {
      organizationId: leaver.organizationId, spaceId, kind: 'task.needsReassignment',
      data: { name: leaver.name, count: Number(n) }, href: `/spaces/${spaceId}/tasks?assigneeId=${leaver.id}`,
      // One notice per deactivation: the session version moves with each one.
      dedupeKey: `leaver:${leaver.id}:${leaver.sessionVersion}:${spaceId}`,
    });
  }
}
