import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { getDatabaseHandle, getDb, type Database, type Transaction } from '@/db/client';
import { fileFolders, files, fileVersions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { NotFound } from '@/lib/errors';
import { authorizeSpace } from '@/lib/spaces/access';
import { isUuid } from '@/lib/validation';
import { announceFileChanges } from './events';
import { RECYCLE_DAYS } from './rules';
import { getFileStorage } from './storage';

const DAY_MS = 86_400_000;

/** The storage keys of every version of the files, and of the files inside the folders (at any depth). */
async function keysUnder(tx: Transaction, fileIds: readonly string[], folderIds: readonly string[]): Promise<string[]> {
  const folderList = folderIds.length ? sql.join(folderIds.map((id) => sql`${id}::uuid`), sql`, `) : sql`null::uuid`;
  const fileList = fileIds.length ? sql.join(fileIds.map((id) => sql`${id}::uuid`), sql`, `) : sql`null::uuid`;
  const result = (await tx.execute(sql`
    with recursive down as (
      select id from ${fileFolders} where id in (${folderList})
      union all
      select f.id from ${fileFolders} f join down on f.parent_id = down.id
    )
    select distinct v.storage_key from ${fileVersions} v join ${files} fi on fi.id = v.file_id
    where fi.id in (${fileList}) or fi.folder_id in (select id from down)`)) as unknown as { rows: { storage_key: string }[] };
  return result.rows.map((row) => row.storage_key);
}

/** Deletes the rows (folders take their contents along) and returns the keys no version uses any more. */
async function deleteRows(tx: Transaction, fileIds: readonly string[], folderIds: readonly string[]): Promise<string[]> {
  const keys = await keysUnder(tx, fileIds, folderIds);
  if (folderIds.length) await tx.delete(fileFolders).where(inArray(fileFolders.id, [...folderIds]));
  if (fileIds.length) await tx.delete(files).where(inArray(files.id, [...fileIds]));
  if (!keys.length) return [];
  const still = await tx.selectDistinct({ key: fileVersions.storageKey }).from(fileVersions).where(inArray(fileVersions.storageKey, keys));
  const used = new Set(still.map((row) => row.key));
  return keys.filter((key) => !used.has(key));
}

/** Removes stored bytes after the rows are gone; a key that fails stays as an orphan, never a dangling row. */
async function removeBytes(keys: readonly string[]): Promise<void> {
  const storage = getFileStorage();
  for (const key of keys) await storage.remove(key).catch(() => undefined);
}

/** 彻底删除: a file or folder leaves the recycle bin for good (space admins). */
export async function purgeFromBin(actor: Actor, item: { fileId?: string; folderId?: string }): Promise<void> {
  const db = await getDb();
  const keys = await db.transaction(async (tx) => {
    const id = item.fileId ?? item.folderId;
    if (!isUuid(id)) throw NotFound();
    const table = item.fileId ? files : fileFolders;
    const [row] = await tx.select({ spaceId: table.spaceId, name: table.name }).from(table).where(and(eq(table.id, id), isNotNull(table.deletedAt)));
    if (!row) throw NotFound();
    const { space } = await authorizeSpace(tx, actor, row.spaceId, 'file.manage', { lock: true });
    const removed = await deleteRows(tx, item.fileId ? [id] : [], item.folderId ? [id] : []);
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'file.purge', targetType: item.fileId ? 'file' : 'folder', targetId: id, data: { name: row.name } });
    await announceFileChanges(tx, actor, space.id, [id]);
    return removed;
  });
  await removeBytes(keys);
}

/** Empties what has been in every recycle bin for longer than RECYCLE_DAYS; returns how many items went. */
export async function purgeExpired(db: Database, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - RECYCLE_DAYS * DAY_MS);
  const { count, keys } = await db.transaction(async (tx) => {
    const oldFiles = await tx.select({ id: files.id }).from(files).where(lt(files.deletedAt, before));
    const oldFolders = await tx.select({ id: fileFolders.id }).from(fileFolders).where(lt(fileFolders.deletedAt, before));
    const removed = await deleteRows(tx, oldFiles.map((f) => f.id), oldFolders.map((f) => f.id));
    return { count: oldFiles.length + oldFolders.length, keys: removed };
  });
  await removeBytes(keys);
  return count;
}

const globalState = globalThis as typeof globalThis & { __xiezuoBinPurge?: ReturnType<typeof setInterval> };

/** Runs purgeExpired now and every hour in this process (several processes doing it is harmless). */
export function startBinPurge(): void {
  if (globalState.__xiezuoBinPurge) return;
  const purge = () => void getDatabaseHandle().then(({ db }) => purgeExpired(db)).catch(() => undefined);
  purge();
  globalState.__xiezuoBinPurge = setInterval(purge, DAY_MS / 24);
  globalState.__xiezuoBinPurge.unref();
}
