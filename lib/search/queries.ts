import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { kbTags, type User } from '@/db/schema';
import { searchableSpaces } from './scope';

/** What the search page's filters offer: the spaces the person may search and the organisation's knowledge tags. */
export async function searchFilterOptions(user: Pick<User, 'id' | 'organizationId' | 'isOrgAdmin'>) {
  const db = await getDb();
  const [spaces, tags] = await Promise.all([
    searchableSpaces(db, user),
    db.select({ id: kbTags.id, name: kbTags.name }).from(kbTags).where(eq(kbTags.organizationId, user.organizationId)).orderBy(asc(kbTags.position), asc(kbTags.name)),
  ]);
  return { spaces, tags };
}
