import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { fileVersions, type FileVersion } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/validation';
import { authorizeFile } from './access';
import { getFileStorage, type StorageRange } from './storage';

/** A version of a file the actor may read (the newest when none is named); 404 for anyone else. */
export async function readableVersion(actor: Actor, fileId: string, versionId?: string | null): Promise<{ name: string; spaceId: string; version: FileVersion }> {
  const db = await getDb();
  const { file } = await authorizeFile(db, actor, fileId, 'space.view');
  const wanted = versionId ?? file.currentVersionId;
  if (!isUuid(wanted)) throw NotFound();
  const [version] = await db.select().from(fileVersions).where(and(eq(fileVersions.id, wanted), eq(fileVersions.fileId, fileId)));
  if (!version) throw NotFound();
  return { name: file.name, spaceId: file.spaceId, version };
}

/** The bytes of a version, streamed, whole or a range of them. */
export async function openVersionBytes(version: FileVersion, range: StorageRange | null) {
  const opened = await getFileStorage().openRead(version.storageKey, range ?? undefined);
  if (!opened) throw NotFound();
  return opened;
}
