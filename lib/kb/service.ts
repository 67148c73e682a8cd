import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { kbPageRevisions, kbPages, users, type KbPage } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { canInOrg, canInSpace } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { richTextToPlainText, type RichTextDoc } from '@/lib/rich-text/document';
import { searchColumns } from '@/lib/search/indexed-text';
import { parseInput } from '@/lib/validation';
import { authorizeKbPlace, authorizePage, findLivePage, placeScope, type KbPlace } from './access';
import { PageConflictError } from './conflict';
import { announcePageChange } from './events';
import { createPageSchema, movePageSchema, restorePageSchema, savePageSchema } from './schema';
import { setPageTags, tagsOfPages } from './tags';
import { pageWithDescendants } from './tree';
import { pageTemplate } from './templates';

const EMPTY_DOC: RichTextDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

const siblingsOf = (place: KbPlace, parentId: string | null) =>
  and(placeScope(place), parentId ? eq(kbPages.parentId, parentId) : isNull(kbPages.parentId), isNull(kbPages.deletedAt));

async function lastPosition(tx: Transaction, place: KbPlace, parentId: string | null): Promise<number> {
  const [row] = await tx.select({ last: max(kbPages.position) }).from(kbPages).where(siblingsOf(place, parentId));
  return (row?.last ?? 0) + 1;
}

/** A parent must be a live page of the same knowledge base, and (moving) not the page or one below it. */
async function assertParent(tx: Transaction, place: KbPlace, parentId: string | null | undefined, movingId?: string): Promise<void> {
  if (!parentId) return;
  const pages = await tx.select({ id: kbPages.id, parentId: kbPages.parentId }).from(kbPages).where(and(placeScope(place), isNull(kbPages.deletedAt)));
  if (!pages.some((p) => p.id === parentId)) throw Invalid({ parentId: ['kbPageUnknown'] });
  if (movingId && pageWithDescendants(pages, movingId).has(parentId)) throw Invalid({ parentId: ['kbPageCycle'] });
}

const indexed = (title: string, content: unknown) => searchColumns(title, richTextToPlainText(content, 'page'));

async function writeRevision(tx: Transaction, actor: Actor, page: KbPage, restoredFrom: number | null = null): Promise<void> {
  await tx.insert(kbPageRevisions).values({ pageId: page.id, version: page.version, title: page.title, content: page.content, restoredFrom, authorId: actorId(actor) });
}

function audit(tx: Transaction, actor: Actor, page: KbPage, action: string, data: Record<string, unknown> = {}) {
  return recordAudit(tx, actor, {
    organizationId: page.organizationId, ...(page.spaceId ? { spaceId: page.spaceId } : {}),
    action, targetType: 'kbPage', targetId: page.id, data: { title: page.title, ...data },
  });
}

/**
 * Creates a page in a space's knowledge base (`spaceId`) or the organisation's (null): blank, with
 * the given content, or from a template in the creator's language; under a parent when named.
 */
export async function createPage(actor: Actor, spaceId: string | null, input: Record<string, unknown>, locale: Locale = 'zh-CN'): Promise<KbPage> {
  const db = await getDb();
  return db.transaction((tx) => insertPage(tx, actor, spaceId, input, locale));
}

/** `createPage` inside the caller's transaction (a retrospective's improvement becoming a page, say). */
export async function insertPage(tx: Transaction, actor: Actor, spaceId: string | null, input: Record<string, unknown>, locale: Locale = 'zh-CN'): Promise<KbPage> {
  const data = parseInput(createPageSchema, input);
  const content = data.content ?? (data.template ? pageTemplate(data.template, locale).content : EMPTY_DOC);
  const place = await authorizeKbPlace(tx, actor, spaceId, 'edit');
  await assertParent(tx, place, data.parentId);
  const parentId = data.parentId ?? null;
  const by = actorId(actor);
  const [page] = await tx.insert(kbPages).values({
    organizationId: place.organizationId, spaceId: place.spaceId, parentId, title: data.title, content,
    position: await lastPosition(tx, place, parentId), createdBy: by, updatedBy: by, ...indexed(data.title, content),
  }).returning();
  if (data.tagIds?.length) await setPageTags(tx, place.organizationId, page!.id, data.tagIds);
  await writeRevision(tx, actor, page!);
  await audit(tx, actor, page!, 'kb.create', data.template ? { template: data.template } : {});
  await announcePageChange(tx, actor, page!);
  return page!;
}

async function currentState(tx: Transaction, page: KbPage) {
  const [editor] = page.updatedBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, page.updatedBy)) : [];
  return { version: page.version, title: page.title, content: page.content, updatedByName: editor?.name ?? null, updatedAt: page.updatedAt };
}

/**
 * Saves a new version (title, content, and tags when sent). The save names the version it started
 * from; if someone saved since, nothing is written and `PageConflictError` carries theirs to merge.
 */
export async function savePage(actor: Actor, pageId: string, input: Record<string, unknown>): Promise<KbPage> {
  const data = parseInput(savePageSchema, input);
  const content = data.content ?? EMPTY_DOC;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { page, place } = await authorizePage(tx, actor, pageId, 'edit');
    if (data.baseVersion !== page.version) throw new PageConflictError(await currentState(tx, page));
    const [saved] = await tx.update(kbPages).set({
      title: data.title, content, version: page.version + 1, updatedBy: actorId(actor), updatedAt: new Date(), ...indexed(data.title, content),
    }).where(and(eq(kbPages.id, page.id), placeScope(place), eq(kbPages.version, data.baseVersion))).returning();
    if (!saved) throw new PageConflictError(await currentState(tx, await findLivePage(tx, actor, pageId)));
    if (data.tagIds) await setPageTags(tx, place.organizationId, page.id, data.tagIds);
    await writeRevision(tx, actor, saved);
    await audit(tx, actor, saved, 'kb.save', { version: saved.version });
    await announcePageChange(tx, actor, saved);
    return saved;
  });
}

/** Moves a page under another parent (or to the top), before a sibling or last; never below itself. */
export async function movePage(actor: Actor, pageId: string, input: Record<string, unknown>): Promise<KbPage> {
  const data = parseInput(movePageSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { page, place } = await authorizePage(tx, actor, pageId, 'edit');
    const parentId = data.parentId ?? null;
    await assertParent(tx, place, parentId, page.id);
    let position = await lastPosition(tx, place, parentId);
    if (data.beforeId) {
      const siblings = await tx.select({ id: kbPages.id, position: kbPages.position }).from(kbPages)
        .where(and(siblingsOf(place, parentId), sql`${kbPages.id} <> ${page.id}`)).orderBy(asc(kbPages.position));
      const at = siblings.findIndex((s) => s.id === data.beforeId);
      if (at < 0) throw Invalid({ beforeId: ['kbPageUnknown'] });
      const after = siblings[at]!.position;
      position = at === 0 ? after - 1 : (siblings[at - 1]!.position + after) / 2;
    }
    const [moved] = await tx.update(kbPages).set({ parentId, position }).where(and(eq(kbPages.id, page.id), placeScope(place))).returning();
    await audit(tx, actor, moved!, 'kb.move', { parentId });
    await announcePageChange(tx, actor, moved!);
    return moved!;
  });
}

/** Deletes a page and the pages below it (softly: their history stays in the database). */
export async function deletePage(actor: Actor, pageId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { page, place } = await authorizePage(tx, actor, pageId, 'edit');
    const pages = await tx.select({ id: kbPages.id, parentId: kbPages.parentId }).from(kbPages).where(and(placeScope(place), isNull(kbPages.deletedAt)));
    const doomed = pageWithDescendants(pages, page.id);
    const now = new Date();
    for (const id of doomed) await tx.update(kbPages).set({ deletedAt: now }).where(and(eq(kbPages.id, id), placeScope(place)));
    await audit(tx, actor, page, 'kb.delete', { pages: doomed.size });
    await announcePageChange(tx, actor, page);
  });
}

/** Makes an older version the newest again: a new version with its title and content (`restoredFrom`). */
export async function restorePageVersion(actor: Actor, pageId: string, input: Record<string, unknown>): Promise<KbPage> {
  const { version } = parseInput(restorePageSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { page, place } = await authorizePage(tx, actor, pageId, 'edit');
    const [revision] = await tx.select().from(kbPageRevisions).where(and(eq(kbPageRevisions.pageId, page.id), eq(kbPageRevisions.version, version)));
    if (!revision) throw NotFound();
    const [saved] = await tx.update(kbPages).set({
      title: revision.title, content: revision.content, version: page.version + 1, updatedBy: actorId(actor), updatedAt: new Date(),
      ...indexed(revision.title, revision.content),
    }).where(and(eq(kbPages.id, page.id), placeScope(place))).returning();
    await writeRevision(tx, actor, saved!, version);
    await audit(tx, actor, saved!, 'kb.restore', { version: saved!.version, restoredFrom: version });
    await announcePageChange(tx, actor, saved!);
    return saved!;
  });
}

/**
 * Copies a space page into the organisation's knowledge base (its title, content and tags), so
 * what a project learned outlives it. Space leads and organisation admins may, also once the space
 * is archived: it only reads the space.
 */
export async function promotePage(actor: Actor, pageId: string): Promise<KbPage> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const source = await findLivePage(tx, actor, pageId);
    if (!source.spaceId) throw Invalid({}, 'kbAlreadyOrganization');
    const { access } = await authorizeKbPlace(tx, actor, source.spaceId, 'view');
    if (!canInSpace(actor, access!, 'kb.promote') && !canInOrg(actor, source.organizationId, 'kb.editOrg')) throw Forbidden();
    const place: KbPlace = { organizationId: source.organizationId, spaceId: null, access: null };
    const by = actorId(actor);
    const [page] = await tx.insert(kbPages).values({
      organizationId: source.organizationId, spaceId: null, parentId: null, title: source.title, content: source.content,
      position: await lastPosition(tx, place, null), promotedFromId: source.id, createdBy: by, updatedBy: by, ...indexed(source.title, source.content),
    }).returning();
    const tags = (await tagsOfPages(tx, [source.id])).get(source.id) ?? [];
    await setPageTags(tx, source.organizationId, page!.id, tags.map((t) => t.id));
    await writeRevision(tx, actor, page!);
    await audit(tx, actor, page!, 'kb.promote', { fromPageId: source.id });
    await recordAudit(tx, actor, { organizationId: source.organizationId, spaceId: source.spaceId, action: 'kb.promote', targetType: 'kbPage', targetId: source.id, data: { title: source.title, toPageId: page!.id } });
    return page!;
  });
}
