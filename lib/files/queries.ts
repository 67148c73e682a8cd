import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Database, type Transaction } from '@/db/client';
import { fileAttachments, fileFolders, files, fileStars, fileVersions, spaceMembers, spaces, users, type FileFolder } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { env } from '@/lib/env';
import { NotFound } from '@/lib/errors';
import { containsPattern } from '@/lib/like-pattern';
import { authorizeSpace } from '@/lib/spaces/access';
import { parseInput } from '@/lib/validation';
import { authorizeFile, folderIsDeleted, inDeletedFolder } from './access';
import { startBinPurge } from './purge';
import type { FileResource, FileVersionResource, FolderResource, LibraryListing, LibraryUsage } from './resources';
import { listSchema, type ListInput } from './schema';

type Executor = Database | Transaction;

/** Files one listing shows at most; a folder with more is searched by name. */
export const LISTING_LIMIT = 500;

const creator = alias(users, 'creator');
const uploader = alias(users, 'uploader');
const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/** Every byte the space's library holds, each stored object once (a restored version shares its bytes). */
export async function spaceUsage(executor: Executor, spaceId: string): Promise<LibraryUsage> {
  const [row] = await executor
    .select({ used: sql<number>`coalesce(sum(size_bytes), 0)::bigint`.mapWith(Number) })
    .from(
      executor.selectDistinctOn([fileVersions.storageKey], { size_bytes: fileVersions.sizeBytes })
        .from(fileVersions).innerJoin(files, eq(files.id, fileVersions.fileId)).where(eq(files.spaceId, spaceId)).as('stored'),
    );
  return { usedBytes: row?.used ?? 0, quotaBytes: env.SPACE_FILE_QUOTA_BYTES };
}

export function versionResource(row: typeof fileVersions.$inferSelect, uploaderName: string | null): FileVersionResource {
  return {
    id: row.id, number: row.number, sizeBytes: row.sizeBytes, sha256: row.sha256, mime: row.mime, kind: row.kind, note: row.note, restoredFrom: row.restoredFrom,
    uploadedBy: person(row.uploadedBy, uploaderName), createdAt: row.createdAt.toISOString(),
  };
}

export function folderResource(row: FileFolder, creatorName: string | null = null): FolderResource {
  return {
    id: row.id, spaceId: row.spaceId, parentId: row.parentId, name: row.name, createdBy: person(row.createdBy, creatorName),
    createdAt: row.createdAt.toISOString(), deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** Files matching `where`, each with its newest version, who added it, and whether `userId` starred it. */
export async function fileResources(executor: Executor, userId: string | null, where: SQL | undefined, order: 'name' | 'recent' = 'name', limit = LISTING_LIMIT): Promise<FileResource[]> {
  const rows = await executor
    .select({
      file: files, version: fileVersions, creatorName: creator.name, uploaderName: uploader.name,
      versionCount: sql<number>`(select count(*)::int from ${fileVersions} v where v.file_id = ${files.id})`.mapWith(Number),
      starred: userId
        ? sql<boolean>`exists (select 1 from ${fileStars} s where s.file_id = ${files.id} and s.user_id = ${userId})`
        : sql<boolean>`false`,
    })
    .from(files)
    .innerJoin(fileVersions, eq(fileVersions.id, files.currentVersionId))
    .leftJoin(creator, eq(creator.id, files.createdBy))
    .leftJoin(uploader, eq(uploader.id, fileVersions.uploadedBy))
    .where(where)
    .orderBy(...(order === 'name' ? [asc(files.name)] : [desc(files.updatedAt)]), asc(files.id))
    .limit(limit);
  return rows.map(({ file, version, creatorName, uploaderName, versionCount, starred }) => ({
    id: file.id, spaceId: file.spaceId, folderId: file.folderId, name: file.name, version: versionResource(version, uploaderName),
    versionCount, starred: Boolean(starred), createdBy: person(file.createdBy, creatorName),
    createdAt: file.createdAt.toISOString(), updatedAt: file.updatedAt.toISOString(), deletedAt: file.deletedAt?.toISOString() ?? null,
  }));
}

/** The folders from the top of the library down to `folderId`. */
export async function folderPath(executor: Executor, spaceId: string, folderId: string | null): Promise<FolderResource[]> {
  const path: FolderResource[] = [];
  let next = folderId;
  // Folders nest only as deep as people click; the bound guards against a loop in bad data.
  for (let depth = 0; next && depth < 64; depth++) {
    const [folder] = await executor.select().from(fileFolders).where(and(eq(fileFolders.id, next), eq(fileFolders.spaceId, spaceId)));
    if (!folder) break;
    path.unshift(folderResource(folder));
    next = folder.parentId;
  }
  return path;
}

/**
 * A folder of the space's library (the top when none is named), or, with `q` or `starred`, the
 * matching files anywhere in the library. Every member may list; files in the recycle bin never show.
 */
export async function listLibrary(actor: Actor, spaceId: string, input: ListInput = {}): Promise<LibraryListing> {
  const user = requireUserActor(actor);
  const data = parseInput(listSchema, input);
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  // The first listing in a process starts the hourly emptying of expired recycle-bin items.
  startBinPurge();
  const folderId = data.folderId ?? null;
  if (folderId) {
    const [folder] = await db.select({ id: fileFolders.id }).from(fileFolders).where(and(eq(fileFolders.id, folderId), eq(fileFolders.spaceId, spaceId)));
    if (!folder || (await folderIsDeleted(db, folderId))) throw NotFound();
  }
  const live = and(eq(files.spaceId, spaceId), isNull(files.deletedAt), liveFolderCondition());
  const flat = Boolean(data.q || data.starred);
  const conditions = [live];
  if (data.q) conditions.push(ilike(files.name, containsPattern(data.q)));
  if (data.starred) conditions.push(sql`exists (select 1 from ${fileStars} s where s.file_id = ${files.id} and s.user_id = ${user.id})`);
  if (!flat) conditions.push(folderId ? eq(files.folderId, folderId) : isNull(files.folderId));
  const [path, folders, found, usage] = await Promise.all([
    folderPath(db, spaceId, folderId),
    flat ? Promise.resolve([]) : db.select().from(fileFolders)
      .where(and(eq(fileFolders.spaceId, spaceId), isNull(fileFolders.deletedAt), folderId ? eq(fileFolders.parentId, folderId) : isNull(fileFolders.parentId)))
      .orderBy(asc(fileFolders.name)),
    fileResources(db, user.id, and(...conditions)),
    spaceUsage(db, spaceId),
  ]);
  return { path, folders: folders.map((f) => folderResource(f)), files: found, usage };
}

/** Files whose folder (and every folder above it) is out of the recycle bin. */
function liveFolderCondition(): SQL {
  return sql`(${files.folderId} is null or not ${inDeletedFolder(sql`${files.folderId}`)})`;
}

/** One file with all its versions (newest first) and the things it is attached to. */
export async function getFileDetails(actor: Actor, fileId: string) {
  const user = requireUserActor(actor);
  const db = await getDb();
  const access = await authorizeFile(db, actor, fileId, 'space.view');
  const [[file], versions, attachments, path] = await Promise.all([
    fileResources(db, user.id, eq(files.id, fileId)),
    db.select({ version: fileVersions, uploaderName: uploader.name }).from(fileVersions)
      .leftJoin(uploader, eq(uploader.id, fileVersions.uploadedBy))
      .where(eq(fileVersions.fileId, fileId)).orderBy(desc(fileVersions.number)),
    db.select({ id: fileAttachments.id, targetType: fileAttachments.targetType, targetId: fileAttachments.targetId, createdAt: fileAttachments.createdAt })
      .from(fileAttachments).where(eq(fileAttachments.fileId, fileId)).orderBy(asc(fileAttachments.createdAt)),
    folderPath(db, access.space.id, access.file.folderId),
  ]);
  if (!file) throw NotFound();
  return {
    access,
    file,
    path,
    versions: versions.map(({ version, uploaderName }) => versionResource(version, uploaderName)),
    attachments: attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  };
}

/** The caller's starred files in every space they are a member of, newest change first. */
export async function starredFiles(actor: Actor): Promise<(FileResource & { spaceName: string })[]> {
  const user = requireUserActor(actor);
  const db = await getDb();
  const mine = await db.select({ spaceId: spaceMembers.spaceId, name: spaces.name }).from(spaceMembers)
    .innerJoin(spaces, eq(spaces.id, spaceMembers.spaceId))
    .where(and(eq(spaceMembers.userId, user.id), eq(spaces.organizationId, user.organizationId)));
  if (!mine.length) return [];
  const names = new Map(mine.map((s) => [s.spaceId, s.name]));
  const found = await fileResources(db, user.id, and(
    inArray(files.spaceId, [...names.keys()]), isNull(files.deletedAt), liveFolderCondition(),
    sql`exists (select 1 from ${fileStars} s where s.file_id = ${files.id} and s.user_id = ${user.id})`,
  ), 'recent');
  return found.map((file) => ({ ...file, spaceName: names.get(file.spaceId) ?? '' }));
}

/** What waits in the space's recycle bin: deleted folders and files (each deleted item once). */
export async function recycleBin(actor: Actor, spaceId: string) {
  const user = requireUserActor(actor);
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'file.manage');
  const [folders, found] = await Promise.all([
    db.select().from(fileFolders).where(and(eq(fileFolders.spaceId, spaceId), isNotNull(fileFolders.deletedAt))).orderBy(desc(fileFolders.deletedAt)),
    fileResources(db, user.id, and(eq(files.spaceId, spaceId), isNotNull(files.deletedAt)), 'recent'),
  ]);
  return { folders: folders.map((f) => folderResource(f)), files: found };
}

/** Every live folder of the space as `{ id, label }` with its path ('设计/初稿'), for "move to" choices. */
export async function folderChoices(executor: Executor, spaceId: string): Promise<{ id: string; label: string }[]> {
  const rows = await executor.select().from(fileFolders).where(eq(fileFolders.spaceId, spaceId));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const labelOf = (row: FileFolder): string | null => {
    const names: string[] = [];
    for (let next: FileFolder | undefined = row, depth = 0; next && depth < 64; next = next.parentId ? byId.get(next.parentId) : undefined, depth++) {
      if (next.deletedAt) return null;
      names.unshift(next.name);
    }
    return names.join(' / ');
  };
  return rows.flatMap((row) => {
    const label = labelOf(row);
    return label ? [{ id: row.id, label }] : [];
  }).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

/** The space's most recently changed live files, for choosing an attachment. */
export async function recentFiles(executor: Executor, userId: string, spaceId: string, limit = 100): Promise<FileResource[]> {
  return fileResources(executor, userId, and(eq(files.spaceId, spaceId), isNull(files.deletedAt), liveFolderCondition()), 'recent', limit);
}
