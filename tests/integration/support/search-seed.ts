import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { channels, kbPages, kbPageTags, kbTags, kbTagSets } from '@/db/schema';
import { plainTextToDoc } from '@/lib/rich-text/document';
import { searchColumns } from '@/lib/search/indexed-text';

// Rows global search reads that other features write: knowledge pages (with their search columns,
// as the knowledge base fills them on save) and tags; the space's 全员 channel.

export async function seedKbPage(page: { organizationId: string; spaceId?: string | null; title: string; text: string; deleted?: boolean; updatedAt?: Date }) {
  const db = await getDb();
  const [row] = await db.insert(kbPages).values({
    organizationId: page.organizationId, spaceId: page.spaceId ?? null, title: page.title, content: plainTextToDoc(page.text),
    ...searchColumns(page.title, page.text), deletedAt: page.deleted ? new Date() : null, ...(page.updatedAt ? { updatedAt: page.updatedAt } : {}),
  }).returning();
  return row!;
}

/** A tag (in a new tag set) carried by the pages. */
export async function seedKbTag(organizationId: string, name: string, pageIds: string[]) {
  const db = await getDb();
  const [set] = await db.insert(kbTagSets).values({ organizationId, name: `类别-${name}` }).returning();
  const [tag] = await db.insert(kbTags).values({ organizationId, tagSetId: set!.id, name }).returning();
  if (pageIds.length) await db.insert(kbPageTags).values(pageIds.map((pageId) => ({ pageId, tagId: tag!.id })));
  return tag!;
}

export async function allChannelOf(spaceId: string) {
  const db = await getDb();
  const [channel] = await db.select().from(channels).where(eq(channels.spaceId, spaceId));
  return channel!;
}

/** An upload body: the bytes as one piece. */
export async function* bytesOf(data: Uint8Array | string) {
  yield typeof data === 'string' ? new TextEncoder().encode(data) : data;
}
