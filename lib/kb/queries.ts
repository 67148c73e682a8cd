import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { kbPageRevisions, kbPages, kbPageTags, spaces, users, type KbPage } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { canInOrg, canInSpace } from '@/lib/auth/permissions';
import { NotFound } from '@/lib/errors';
import { richTextToPlainText } from '@/lib/rich-text/document';
import { buildSearchQuery } from '@/lib/search/cjk-bigrams';
import { searchMatch } from '@/lib/search/match';
import { parseInput } from '@/lib/validation';
import { authorizeKbPlace, authorizePage, placeScope, type KbPlace } from './access';
import { diffText, type DiffPart } from './diff';
import { KB_LIST_MAX } from './rules';
import { diffPageSchema, listPagesSchema, type ListPagesInput } from './schema';
import { tagsOfPages, type TagResource } from './tags';

export interface PageListItem {
  id: string;
  parentId: string | null;
  title: string;
  position: number;
  updatedAt: Date;
  updatedByName: string | null;
  tags: TagResource[];
}

export interface PageRights {
  edit: boolean;
  promote: boolean;
  comment: boolean;
}

export interface PageView {
  page: KbPage;
  tags: TagResource[];
  updatedByName: string | null;
  spaceName: string | null;
  promotedFrom: { id: string; spaceId: string; title: string } | null;
  rights: PageRights;
}

const editor = alias(users, 'kb_editor');

/** What the actor may do with pages where they are (the page's controls follow it). */
export function placeRights(actor: Actor, place: KbPlace): PageRights {
  if (!place.access) {
    return { edit: canInOrg(actor, place.organizationId, 'kb.editOrg'), promote: false, comment: false };
  }
  return {
    edit: canInSpace(actor, place.access, 'kb.edit'),
    promote: canInSpace(actor, place.access, 'kb.promote') || canInOrg(actor, place.organizationId, 'kb.editOrg'),
    comment: canInSpace(actor, place.access, 'space.comment'),
  };
}

/**
 * The live pages of a knowledge base (a space's, or the organisation's with `spaceId` null). With
 * neither `q` nor `tagId`, all of them in tree order; otherwise the matches, newest first. `q` uses
 * the bigram index and then a substring check of each keyword, so results equal a substring match.
 */
export async function listPages(actor: Actor, spaceId: string | null, input: ListPagesInput = {}): Promise<{ pages: PageListItem[]; place: KbPlace; rights: PageRights; filtered: boolean }> {
  const filters = parseInput(listPagesSchema, input);
  const db = await getDb();
  const place = await authorizeKbPlace(db, actor, spaceId, 'view');
  const query = filters.q ? buildSearchQuery(filters.q) : null;
  const where = and(
    placeScope(place),
    isNull(kbPages.deletedAt),
    filters.tagId ? inArray(kbPages.id, db.select({ id: kbPageTags.pageId }).from(kbPageTags).where(eq(kbPageTags.tagId, filters.tagId))) : undefined,
    query ? searchMatch(kbPages, query) : undefined,
  );
  // Text without letters or digits finds nothing rather than everything.
  const nothing = filters.q !== undefined && !query;
  const filtered = Boolean(filters.q || filters.tagId);
  const rows = nothing ? [] : await db.select({
    id: kbPages.id, parentId: kbPages.parentId, title: kbPages.title, position: kbPages.position, updatedAt: kbPages.updatedAt, updatedByName: editor.name,
  }).from(kbPages).leftJoin(editor, eq(editor.id, kbPages.updatedBy)).where(where)
    .orderBy(...(filtered ? [desc(kbPages.updatedAt)] : [asc(kbPages.position), asc(kbPages.createdAt)])).limit(filtered ? KB_LIST_MAX : 5000);
  const tags = await tagsOfPages(db, rows.map((r) => r.id));
  return { pages: rows.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] })), place, rights: placeRights(actor, place), filtered };
}

/** A page with its tags, who saved it last, where it came from and what the actor may do with it. */
export async function getPage(actor: Actor, pageId: string): Promise<PageView> {
  const db = await getDb();
  const { page, place } = await authorizePage(db, actor, pageId, 'view');
  const [[meta], tags, promoted] = await Promise.all([
    db.select({ updatedByName: users.name, spaceName: spaces.name }).from(kbPages)
      .leftJoin(users, eq(users.id, kbPages.updatedBy)).leftJoin(spaces, eq(spaces.id, kbPages.spaceId)).where(eq(kbPages.id, page.id)),
    tagsOfPages(db, [page.id]),
    page.promotedFromId
      ? db.select({ id: kbPages.id, spaceId: kbPages.spaceId, title: kbPages.title }).from(kbPages)
        .where(and(eq(kbPages.id, page.promotedFromId), eq(kbPages.organizationId, page.organizationId), isNull(kbPages.deletedAt)))
      : Promise.resolve([]),
  ]);
  const from = promoted[0];
  return {
    page, tags: tags.get(page.id) ?? [], updatedByName: meta?.updatedByName ?? null, spaceName: meta?.spaceName ?? null,
    promotedFrom: from?.spaceId ? { id: from.id, spaceId: from.spaceId, title: from.title } : null,
    rights: placeRights(actor, place),
  };
}

export interface RevisionItem {
  version: number;
  title: string;
  restoredFrom: number | null;
  authorName: string | null;
  createdAt: Date;
}

/** A page's saved versions, newest first. */
export async function listRevisions(actor: Actor, pageId: string): Promise<{ view: PageView; revisions: RevisionItem[] }> {
  const view = await getPage(actor, pageId);
  const db = await getDb();
  const revisions = await db.select({
    version: kbPageRevisions.version, title: kbPageRevisions.title, restoredFrom: kbPageRevisions.restoredFrom, authorName: users.name, createdAt: kbPageRevisions.createdAt,
  }).from(kbPageRevisions).leftJoin(users, eq(users.id, kbPageRevisions.authorId))
    .where(eq(kbPageRevisions.pageId, view.page.id)).orderBy(desc(kbPageRevisions.version));
  return { view, revisions };
}

/** What changed from one version to another: the title and the text, by line and word. */
export async function diffRevisions(actor: Actor, pageId: string, input: Record<string, unknown>): Promise<{ from: number; to: number; title: DiffPart[]; text: DiffPart[] }> {
  const { from, to } = parseInput(diffPageSchema, input);
  const db = await getDb();
  const { page } = await authorizePage(db, actor, pageId, 'view');
  const rows = await db.select().from(kbPageRevisions).where(and(eq(kbPageRevisions.pageId, page.id), inArray(kbPageRevisions.version, [from, to])));
  const older = rows.find((r) => r.version === from);
  const newer = rows.find((r) => r.version === to);
  if (!older || !newer) throw NotFound();
  return {
    from, to,
    title: diffText(older.title, newer.title),
    text: diffText(richTextToPlainText(older.content, 'page'), richTextToPlainText(newer.content, 'page')),
  };
}
