import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { kbPageTags, kbTags, kbTagSets, type KbTag, type KbTagSet } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { Invalid, NotFound } from '@/lib/errors';
import { isUuid, parseInput } from '@/lib/validation';
import { createTagSchema, tagSetSchema, updateTagSchema } from './schema';

type Executor = Database | Transaction;

export type TagResource = Pick<KbTag, 'id' | 'tagSetId' | 'name' | 'color'>;
export interface TagSetResource extends Pick<KbTagSet, 'id' | 'name'> {
  tags: TagResource[];
}

/** The organisation's tag sets with their tags, in the admins' order (what pages may carry). */
export async function readTagSets(executor: Executor, organizationId: string): Promise<TagSetResource[]> {
  const [sets, tags] = await Promise.all([
    executor.select({ id: kbTagSets.id, name: kbTagSets.name }).from(kbTagSets).where(eq(kbTagSets.organizationId, organizationId)).orderBy(asc(kbTagSets.position), asc(kbTagSets.createdAt)),
    executor.select({ id: kbTags.id, tagSetId: kbTags.tagSetId, name: kbTags.name, color: kbTags.color }).from(kbTags)
      .where(eq(kbTags.organizationId, organizationId)).orderBy(asc(kbTags.position), asc(kbTags.createdAt)),
  ]);
  return sets.map((set) => ({ ...set, tags: tags.filter((tag) => tag.tagSetId === set.id) }));
}

/** Every member of the organisation reads its tag sets (to filter and tag pages). */
export async function listTagSets(actor: Actor, organizationId: string): Promise<TagSetResource[]> {
  assertCanInOrg(actor, organizationId, 'kb.read');
  return readTagSets(await getDb(), organizationId);
}

/** The tags of pages, by page. */
export async function tagsOfPages(executor: Executor, pageIds: readonly string[]): Promise<Map<string, TagResource[]>> {
  const byPage = new Map<string, TagResource[]>();
  if (!pageIds.length) return byPage;
  const rows = await executor.select({ pageId: kbPageTags.pageId, id: kbTags.id, tagSetId: kbTags.tagSetId, name: kbTags.name, color: kbTags.color })
    .from(kbPageTags).innerJoin(kbTags, eq(kbTags.id, kbPageTags.tagId))
    .where(inArray(kbPageTags.pageId, [...pageIds])).orderBy(asc(kbTags.position), asc(kbTags.name));
  for (const { pageId, ...tag } of rows) byPage.set(pageId, [...(byPage.get(pageId) ?? []), tag]);
  return byPage;
}

/** Gives a page exactly these tags; a tag outside the organisation's sets is refused on `tagIds`. */
export async function setPageTags(tx: Transaction, organizationId: string, pageId: string, tagIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(tagIds)];
  if (wanted.length) {
    const known = await tx.select({ id: kbTags.id }).from(kbTags).where(and(eq(kbTags.organizationId, organizationId), inArray(kbTags.id, wanted)));
    if (known.length !== wanted.length) throw Invalid({ tagIds: ['kbTagUnknown'] });
  }
  await tx.delete(kbPageTags).where(eq(kbPageTags.pageId, pageId));
  if (wanted.length) await tx.insert(kbPageTags).values(wanted.map((tagId) => ({ pageId, tagId })));
}

/** Runs a write whose unique name index may refuse it: a taken name is a field error, not a 500. */
async function uniquely<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw Invalid({ [field]: ['kbTagNameTaken'] });
    throw error;
  }
}

export async function createTagSet(actor: Actor, organizationId: string, input: Record<string, unknown>): Promise<KbTagSet> {
  assertCanInOrg(actor, organizationId, 'kb.manageTags');
  const { name } = parseInput(tagSetSchema, input);
  const db = await getDb();
  return uniquely('name', () => db.transaction(async (tx) => {
    const existing = await tx.select({ id: kbTagSets.id }).from(kbTagSets).where(eq(kbTagSets.organizationId, organizationId));
    const [set] = await tx.insert(kbTagSets).values({ organizationId, name, position: existing.length }).returning();
    await recordAudit(tx, actor, { organizationId, action: 'kb.tagSetCreate', targetType: 'kbTagSet', targetId: set!.id, data: { name } });
    return set!;
  }));
}

async function findTagSet(executor: Executor, organizationId: string, tagSetId: string): Promise<KbTagSet> {
  if (!isUuid(tagSetId)) throw NotFound();
  const [set] = await executor.select().from(kbTagSets).where(and(eq(kbTagSets.id, tagSetId), eq(kbTagSets.organizationId, organizationId)));
  if (!set) throw NotFound();
  return set;
}

export async function renameTagSet(actor: Actor, organizationId: string, tagSetId: string, input: Record<string, unknown>): Promise<KbTagSet> {
  assertCanInOrg(actor, organizationId, 'kb.manageTags');
  const { name } = parseInput(tagSetSchema, input);
  const db = await getDb();
  return uniquely('name', () => db.transaction(async (tx) => {
    await findTagSet(tx, organizationId, tagSetId);
    const [set] = await tx.update(kbTagSets).set({ name }).where(and(eq(kbTagSets.id, tagSetId), eq(kbTagSets.organizationId, organizationId))).returning();
    await recordAudit(tx, actor, { organizationId, action: 'kb.tagSetRename', targetType: 'kbTagSet', targetId: tagSetId, data: { name } });
    return set!;
  }));
}

/** Deletes a set and its tags; pages simply lose those tags. */
export async function deleteTagSet(actor: Actor, organizationId: string, tagSetId: string): Promise<void> {
  assertCanInOrg(actor, organizationId, 'kb.manageTags');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const set = await findTagSet(tx, organizationId, tagSetId);
    await tx.delete(kbTagSets).where(and(eq(kbTagSets.id, tagSetId), eq(kbTagSets.organizationId, organizationId)));
    await recordAudit(tx, actor, { organizationId, action: 'kb.tagSetDelete', targetType: 'kbTagSet', targetId: tagSetId, data: { name: set.name } });
  });
}

export async function createTag(actor: Actor, organizationId: string, input: Record<string, unknown>): Promise<KbTag> {
  assertCanInOrg(actor, organizationId, 'kb.manageTags');
  const data = parseInput(createTagSchema, input);
  const db = await getDb();
  return uniquely('name', () => db.transaction(async (tx) => {
    await findTagSet(tx, organizationId, data.tagSetId).catch(() => {
      throw Invalid({ tagSetId: ['kbTagSetUnknown'] });
    });
    const existing = await tx.select({ id: kbTags.id }).from(kbTags).where(eq(kbTags.tagSetId, data.tagSetId));
    const [tag] = await tx.insert(kbTags).values({ organizationId, ...data, position: existing.length }).returning();
    await recordAudit(tx, actor, { organizationId, action: 'kb.tagCreate', targetType: 'kbTag', targetId: tag!.id, data: { name: data.name } });
    return tag!;
  }));
}

export async function updateTag(actor: Actor, organizationId: string, tagId: string, input: Record<string, unknown>): Promise<KbTag> {
  assertCanInOrg(actor, organizationId, 'kb.manageTags');
  const data = parseInput(updateTagSchema, input);
  if (!isUuid(tagId)) throw NotFound();
  const db = await getDb();
  return uniquely('name', () => db.transaction(async (tx) => {
    const [tag] = await tx.update(kbTags).set(data).where(and(eq(kbTags.id, tagId), eq(kbTags.organizationId, organizationId))).returning();
    if (!tag) throw NotFound();
    await recordAudit(tx, actor, { organizationId, action: 'kb.tagUpdate', targetType: 'kbTag', targetId: tagId, data });
    return tag;
  }));
}

export async function deleteTag(actor: Actor, organizationId: string, tagId: string): Promise<void> {
  assertCanInOrg(actor, organizationId, 'kb.manageTags');
  if (!isUuid(tagId)) throw NotFound();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [tag] = await tx.delete(kbTags).where(and(eq(kbTags.id, tagId), eq(kbTags.organizationId, organizationId))).returning();
    if (!tag) throw NotFound();
    await recordAudit(tx, actor, { organizationId, action: 'kb.tagDelete', targetType: 'kbTag', targetId: tagId, data: { name: tag.name } });
  });
}

