import { and, eq, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { files, fileVersions } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { NotFound } from '@/lib/errors';
import { isUuid } from '@/lib/validation';
import { authorizeFile } from './access';
import { announceFileChanges } from './events';
import { fileSearchColumns } from './search-columns';

/**
 * 恢复此版本: an old version becomes the newest again, as a new version sharing its bytes (the
 * history keeps every step, and nothing is copied).
 */
export async function restoreVersion(actor: Actor, fileId: string, versionId: string): Promise<number> {
  const user = requireUserActor(actor);
  if (!isUuid(versionId)) throw NotFound();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space, file } = await authorizeFile(tx, actor, fileId, 'file.upload', { lock: true });
    const [old] = await tx.select().from(fileVersions).where(and(eq(fileVersions.id, versionId), eq(fileVersions.fileId, fileId)));
    if (!old) throw NotFound();
    const [last] = await tx.select({ n: max(fileVersions.number) }).from(fileVersions).where(eq(fileVersions.fileId, fileId));
    const number = (last?.n ?? 0) + 1;
    const [version] = await tx.insert(fileVersions).values({
      fileId, number, storageKey: old.storageKey, sizeBytes: old.sizeBytes, sha256: old.sha256, mime: old.mime, kind: old.kind,
      note: old.note, restoredFrom: old.number, uploadedBy: user.id, extractedText: old.extractedText,
    }).returning();
    await tx.update(files).set({ currentVersionId: version!.id, updatedAt: new Date(), ...fileSearchColumns(file.name, old.extractedText) }).where(eq(files.id, fileId));
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'file.restoreVersion', targetType: 'file', targetId: fileId, data: { from: old.number, version: number } });
    await announceFileChanges(tx, actor, space.id, [fileId]);
    return number;
  });
}
