import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { fileAttachments, files, fileVersions, type FileVersion } from '@/db/schema';
import type { AttachmentTarget } from './rules';

/** A library file attached to a message or comment, as its list shows it. */
export interface AttachedFile {
  id: string;
  fileId: string;
  name: string;
  kind: FileVersion['kind'];
  sizeBytes: number;
}

/** The live files attached to each of many messages or comments, in one query, oldest first. */
export async function attachedFilesOf(executor: Database | Transaction, targetType: AttachmentTarget, targetIds: readonly string[]): Promise<Map<string, AttachedFile[]>> {
  const byTarget = new Map<string, AttachedFile[]>();
  if (!targetIds.length) return byTarget;
  const rows = await executor
    .select({ targetId: fileAttachments.targetId, id: fileAttachments.id, fileId: files.id, name: files.name, kind: fileVersions.kind, sizeBytes: fileVersions.sizeBytes })
    .from(fileAttachments)
    .innerJoin(files, and(eq(files.id, fileAttachments.fileId), isNull(files.deletedAt)))
    .innerJoin(fileVersions, eq(fileVersions.id, files.currentVersionId))
    .where(and(eq(fileAttachments.targetType, targetType), inArray(fileAttachments.targetId, [...targetIds])))
    .orderBy(asc(fileAttachments.createdAt));
  for (const { targetId, ...file } of rows) byTarget.set(targetId, [...(byTarget.get(targetId) ?? []), file]);
  return byTarget;
}
