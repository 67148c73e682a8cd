import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { fileFolders, files, users, type FileFolder } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import type { SpaceAction } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { Invalid, NotFound } from '@/lib/errors';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { isUuid, parseInput } from '@/lib/validation';
import { assertMayChange, authorizeFile, folderIsDeleted, liveFolder } from './access';
import { announceFileChanges } from './events';
import { folderResource } from './queries';
import { currentFileSearchColumns } from './search-columns';
import type { FolderResource } from './resources';
import { freeName } from './rules';
import { folderSchema, moveSchema, renameSchema, type FolderInput } from './schema';

// Changes to the library's tree: folders, names, places, the recycle bin. Each runs in one
// transaction holding the space's row, so two people moving things cannot make a loop.

/** A name taken by a live item of the same folder is reported on `name`, not as a server error. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw Invalid({ name: ['fileNameTaken'] });
    throw error;
  }
}

/** The folder and the actor's standing in its space, checked for `action` (as authorizeFile does for files). */
async function authorizeFolder(tx: Transaction, actor: Actor, folderId: string, action: SpaceAction, options: { deleted?: boolean } = {}) {
  if (!isUuid(folderId)) throw NotFound();
  const [folder] = await tx.select().from(fileFolders).where(eq(fileFolders.id, folderId));
  if (!folder) throw NotFound();
  const access = await authorizeSpace(tx, actor, folder.spaceId, action, { lock: true });
  const inBin = folder.deletedAt !== null || (await folderIsDeleted(tx, folder.parentId));
  if (inBin !== Boolean(options.deleted)) throw NotFound();
  return { ...access, folder };
}

async function audit(tx: Transaction, actor: Actor, access: LoadedSpaceAccess, action: string, targetType: 'file' | 'folder', targetId: string, data: Record<string, unknown>) {
  await recordAudit(tx, actor, { organizationId: access.space.organizationId, spaceId: access.space.id, action, targetType, targetId, data });
  await announceFileChanges(tx, actor, access.space.id, [targetId]);
}

/** 新建文件夹 in the space's library (contributors). */
export async function createFolder(actor: Actor, spaceId: string, input: FolderInput): Promise<FolderResource> {
  const user = requireUserActor(actor);
  const data = parseInput(folderSchema, input);
  const db = await getDb();
  return uniqueName(() => db.transaction(async (tx) => {
    const access = await authorizeSpace(tx, actor, spaceId, 'file.upload', { lock: true });
    await liveFolder(tx, spaceId, data.parentId, 'parentId');
    const [folder] = await tx.insert(fileFolders).values({ spaceId, parentId: data.parentId ?? null, name: data.name, createdBy: user.id }).returning();
    await audit(tx, actor, access, 'folder.create', 'folder', folder!.id, { name: data.name });
    const [creator] = await tx.select({ name: users.name }).from(users).where(eq(users.id, user.id));
    return folderResource(folder!, creator?.name ?? null);
  }));
}

/** What a change of a file or folder asks for: a new name, a new place (`folderId` present, null = the top), or both. */
function parseChange(input: Record<string, unknown>) {
  const { name } = parseInput(renameSchema.partial(), input);
  const moving = 'folderId' in input;
  const { folderId } = moving ? parseInput(moveSchema, input) : { folderId: undefined };
  return { name, moving, target: folderId ?? null };
}

/** Renames and/or moves a file, in one step (the person who added it, or the space's leads). */
export async function updateFile(actor: Actor, fileId: string, input: Record<string, unknown>): Promise<void> {
  const { name, moving, target } = parseChange(input);
  const db = await getDb();
  await uniqueName(() => db.transaction(async (tx) => {
    const access = await authorizeFile(tx, actor, fileId, 'space.view', { lock: true });
    assertMayChange(actor, access, access.file.createdBy);
    if (moving) await liveFolder(tx, access.space.id, target);
    const folderId = moving ? target : access.file.folderId;
    const newName = name ?? access.file.name;
    await tx.update(files).set({ name: newName, folderId, updatedAt: new Date(), ...(await currentFileSearchColumns(tx, access.file, newName)) }).where(eq(files.id, fileId));
    await audit(tx, actor, access, 'file.update', 'file', fileId, { before: { name: access.file.name, folderId: access.file.folderId }, after: { name: name ?? access.file.name, folderId } });
  }));
}

/** Whether `candidate` is `folder` itself or lies somewhere inside it. */
async function isInside(tx: Transaction, folder: FileFolder, candidate: string | null): Promise<boolean> {
  for (let next = candidate, depth = 0; next && depth < 64; depth++) {
    if (next === folder.id) return true;
    const [row] = await tx.select({ parentId: fileFolders.parentId }).from(fileFolders).where(eq(fileFolders.id, next));
    next = row?.parentId ?? null;
  }
  return false;
}

/** Renames and/or moves a folder with its contents; never into itself. */
export async function updateFolder(actor: Actor, folderId: string, input: Record<string, unknown>): Promise<void> {
  const { name, moving, target } = parseChange(input);
  const db = await getDb();
  await uniqueName(() => db.transaction(async (tx) => {
    const access = await authorizeFolder(tx, actor, folderId, 'file.upload');
    assertMayChange(actor, access, access.folder.createdBy);
    if (moving) {
      await liveFolder(tx, access.space.id, target);
      if (await isInside(tx, access.folder, target)) throw Invalid({ folderId: ['folderIntoItself'] });
    }
    const parentId = moving ? target : access.folder.parentId;
    await tx.update(fileFolders).set({ name: name ?? access.folder.name, parentId }).where(eq(fileFolders.id, folderId));
    await audit(tx, actor, access, 'folder.update', 'folder', folderId, { before: { name: access.folder.name, parentId: access.folder.parentId }, after: { name: name ?? access.folder.name, parentId } });
  }));
}

/** 删除: into the recycle bin, restorable by the space's admins for RECYCLE_DAYS. */
export async function deleteFile(actor: Actor, fileId: string): Promise<void> {
  const user = requireUserActor(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const access = await authorizeFile(tx, actor, fileId, 'space.view', { lock: true });
    assertMayChange(actor, access, access.file.createdBy);
    await tx.update(files).set({ deletedAt: new Date(), deletedBy: user.id }).where(eq(files.id, fileId));
    await audit(tx, actor, access, 'file.delete', 'file', fileId, { name: access.file.name });
  });
}

/** Deletes a folder with everything in it (they come back together when it is restored). */
export async function deleteFolder(actor: Actor, folderId: string): Promise<void> {
  const user = requireUserActor(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const access = await authorizeFolder(tx, actor, folderId, 'file.upload');
    assertMayChange(actor, access, access.folder.createdBy);
    await tx.update(fileFolders).set({ deletedAt: new Date(), deletedBy: user.id }).where(eq(fileFolders.id, folderId));
    await audit(tx, actor, access, 'folder.delete', 'folder', folderId, { name: access.folder.name });
  });
}

/** 恢复 from the recycle bin (space admins): back where it was, or to the top if that folder is gone too. */
export async function restoreFile(actor: Actor, fileId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const access = await authorizeFile(tx, actor, fileId, 'file.manage', { deleted: true, lock: true });
    if (!access.file.deletedAt) throw NotFound();
    const folderId = (await folderIsDeleted(tx, access.file.folderId)) ? null : access.file.folderId;
    const name = await freeName(access.file.name, async (candidate) => (await tx.select({ id: files.id }).from(files).where(and(
      eq(files.spaceId, access.space.id), isNull(files.deletedAt), ne(files.id, fileId),
      folderId ? eq(files.folderId, folderId) : isNull(files.folderId), sql`lower(${files.name}) = lower(${candidate})`,
    ))).length > 0);
    await tx.update(files).set({ deletedAt: null, deletedBy: null, folderId, name, ...(await currentFileSearchColumns(tx, access.file, name)) }).where(eq(files.id, fileId));
    await audit(tx, actor, access, 'file.restore', 'file', fileId, { name });
  });
}

export async function restoreFolder(actor: Actor, folderId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const access = await authorizeFolder(tx, actor, folderId, 'file.manage', { deleted: true });
    if (!access.folder.deletedAt) throw NotFound();
    const parentId = (await folderIsDeleted(tx, access.folder.parentId)) ? null : access.folder.parentId;
    const name = await freeName(access.folder.name, async (candidate) => (await tx.select({ id: fileFolders.id }).from(fileFolders).where(and(
      eq(fileFolders.spaceId, access.space.id), isNull(fileFolders.deletedAt), ne(fileFolders.id, folderId),
      parentId ? eq(fileFolders.parentId, parentId) : isNull(fileFolders.parentId), sql`lower(${fileFolders.name}) = lower(${candidate})`,
    ))).length > 0);
    await tx.update(fileFolders).set({ deletedAt: null, deletedBy: null, parentId, name }).where(eq(fileFolders.id, folderId));
    await audit(tx, actor, access, 'folder.restore', 'folder', folderId, { name });
  });
}
