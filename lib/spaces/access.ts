import { and, eq } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { spaceMembers, spaces, type Space } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanInSpace, type SpaceAccess, type SpaceAction } from '@/lib/auth/permissions';
import { NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/validation';

export interface LoadedSpaceAccess extends SpaceAccess {
  space: Space;
}

/**
 * The space and the actor's membership, scoped to the actor's organisation. Inside a write,
 * pass `lock` to hold the space row until commit, so concurrent member changes run one at a time.
 */
export async function loadSpaceAccess(
  executor: Database | Transaction,
  actor: Actor,
  spaceId: string,
  options: { lock?: boolean } = {},
): Promise<LoadedSpaceAccess> {
  if (!isUuid(spaceId)) throw NotFound();
  const scope = actor.kind === 'user'
    ? and(eq(spaces.id, spaceId), eq(spaces.organizationId, actor.user.organizationId))
    : eq(spaces.id, spaceId);
  const query = executor.select().from(spaces).where(scope);
  const [space] = options.lock ? await query.for('update') : await query;
  if (!space) throw NotFound();
  if (actor.kind !== 'user') return { space, membership: null };
  const [membership] = await executor
    .select({ role: spaceMembers.role, isAdmin: spaceMembers.isAdmin })
    .from(spaceMembers)
    .where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, actor.user.id)));
  return { space, membership: membership ?? null };
}

/** Loads the space and checks `action` in one step: 404 for outsiders, 403 for the rest. */
export async function authorizeSpace(
  executor: Database | Transaction,
  actor: Actor,
  spaceId: string,
  action: SpaceAction,
  options: { lock?: boolean } = {},
): Promise<LoadedSpaceAccess> {
  const access = await loadSpaceAccess(executor, actor, spaceId, options);
  assertCanInSpace(actor, access, action);
  return access;
}
