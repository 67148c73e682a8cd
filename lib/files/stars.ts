import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { fileStars } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { authorizeFile } from './access';

/**
 * 标星 or not, for the caller only. Stars are a person's own bookmarks, not the space's content,
 * so any member may set them, also in an archived space.
 */
export async function setStar(actor: Actor, fileId: string, starred: boolean): Promise<void> {
  const user = requireUserActor(actor);
  const db = await getDb();
  await authorizeFile(db, actor, fileId, 'space.view');
  if (starred) await db.insert(fileStars).values({ fileId, userId: user.id }).onConflictDoNothing();
  else await db.delete(fileStars).where(and(eq(fileStars.fileId, fileId), eq(fileStars.userId, user.id)));
}
