import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { kbPages, type KbPage } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { NotFound } from '@/lib/errors';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { isUuid } from '@/lib/validation';

type Executor = Database | Transaction;

/** What someone does with knowledge pages: read them, or write (create, save, move, delete, restore). */
export type KbRight = 'view' | 'edit';

/**
 * Where pages live: a space's knowledge base (`access` is the actor's standing there) or the
 * organisation's (`spaceId` null, `access` null).
 */
export interface KbPlace {
  organizationId: string;
  spaceId: string | null;
  access: LoadedSpaceAccess | null;
}

/** The organisation whose knowledge base the actor means: their own (the CLI names none). */
export function organizationOfActor(actor: Actor): string {
  if (actor.kind !== 'user') throw NotFound();
  return actor.user.organizationId;
}

/**
 * Checks the right in a space's knowledge base (`space.view` / `kb.edit`: contributors, active
 * spaces only) or in the organisation's (every member reads, admins write). Outsiders get 404.
 */
export async function authorizeKbPlace(executor: Executor, actor: Actor, spaceId: string | null, right: KbRight): Promise<KbPlace> {
  if (spaceId) {
    const access = await authorizeSpace(executor, actor, spaceId, right === 'view' ? 'space.view' : 'kb.edit', { lock: right === 'edit' });
    return { organizationId: access.space.organizationId, spaceId, access };
  }
  const organizationId = organizationOfActor(actor);
  assertCanInOrg(actor, organizationId, right === 'view' ? 'kb.read' : 'kb.editOrg');
  return { organizationId, spaceId: null, access: null };
}

/** The pages of one knowledge base: a space's, or the organisation's own (no space). */
export function placeScope(place: Pick<KbPlace, 'organizationId' | 'spaceId'>): SQL {
  return place.spaceId
    ? and(eq(kbPages.organizationId, place.organizationId), eq(kbPages.spaceId, place.spaceId))!
    : and(eq(kbPages.organizationId, place.organizationId), isNull(kbPages.spaceId))!;
}

/** A live page of the actor's organisation, unchecked (callers check the right next). */
export async function findLivePage(executor: Executor, actor: Actor, pageId: string, options: { lock?: boolean } = {}): Promise<KbPage> {
  if (!isUuid(pageId)) throw NotFound();
  const scope = actor.kind === 'user'
    ? and(eq(kbPages.id, pageId), eq(kbPages.organizationId, actor.user.organizationId), isNull(kbPages.deletedAt))
    : and(eq(kbPages.id, pageId), isNull(kbPages.deletedAt));
  const query = executor.select().from(kbPages).where(scope);
  const [page] = options.lock ? await query.for('update') : await query;
  if (!page) throw NotFound();
  return page;
}

/** A live page with the actor's right checked where it lives; a write locks the row until commit. */
export async function authorizePage(executor: Executor, actor: Actor, pageId: string, right: KbRight): Promise<{ page: KbPage; place: KbPlace }> {
  const found = await findLivePage(executor, actor, pageId);
  const place = await authorizeKbPlace(executor, actor, found.spaceId, right);
  const page = right === 'edit' ? await findLivePage(executor, actor, pageId, { lock: true }) : found;
  return { page, place };
}
