import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { fileFolders, files, type FileFolder, type FileRow } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { canInSpace, type SpaceAction } from '@/lib/auth/permissions';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { isUuid } from '@/lib/validation';

type Executor = Database | Transaction;

/**
 * True when the folder `folderId` (an id or a column), or any folder above it, is in the recycle
 * bin: what is inside a deleted folder is deleted with it, without a row of its own saying so.
 */
export function inDeletedFolder(folderId: SQL | string): SQL {
  return sql`exists (
    with recursive up as (
      select id, parent_id, deleted_at from ${fileFolders} where id = ${folderId}
      union all
      select f.id, f.parent_id, f.deleted_at from ${fileFolders} f join up on f.id = up.parent_id
    ) select 1 from up where deleted_at is not null)`;
}

/** Whether a folder, or any folder above it, is in the recycle bin. */
export async function folderIsDeleted(executor: Executor, folderId: string | null): Promise<boolean> {
  if (!folderId) return false;
  const result = (await executor.execute(sql`select ${inDeletedFolder(folderId)} as deleted`)) as unknown as { rows: { deleted: boolean }[] };
  return Boolean(result.rows[0]?.deleted);
}

/** A live folder of the space (null for the top); anything else is "no such folder" on `field`. */
export async function liveFolder(executor: Executor, spaceId: string, folderId: string | null | undefined, field = 'folderId'): Promise<FileFolder | null> {
  if (!folderId) return null;
  const [folder] = await executor.select().from(fileFolders).where(and(eq(fileFolders.id, folderId), eq(fileFolders.spaceId, spaceId)));
  if (!folder || (await folderIsDeleted(executor, folderId))) throw Invalid({ [field]: ['folderUnknown'] });
  return folder;
}

export interface AuthorizedFile extends LoadedSpaceAccess {
  file: FileRow;
}

/**
 * The file and the actor's standing in its space, checked for `action`: 404 for outsiders and for
 * files in the recycle bin (unless `deleted` asks for those), 403 for members who may not.
 */
export async function authorizeFile(
  executor: Executor,
  actor: Actor,
  fileId: string,
  action: SpaceAction,
  options: { deleted?: boolean; lock?: boolean } = {},
): Promise<AuthorizedFile> {
  if (!isUuid(fileId)) throw NotFound();
  const [file] = await executor.select().from(files).where(eq(files.id, fileId));
  if (!file) throw NotFound();
  const access = await authorizeSpace(executor, actor, file.spaceId, action, { lock: options.lock });
  const inBin = file.deletedAt !== null || (await folderIsDeleted(executor, file.folderId));
  if (inBin !== Boolean(options.deleted)) throw NotFound();
  return { ...access, file };
}

/**
 * Renaming, moving and deleting: the person who added the item may (while they may upload), and
 * so may the space's leads (file.manage).
 */
export function assertMayChange(actor: Actor, access: LoadedSpaceAccess, createdBy: string | null): void {
  if (canInSpace(actor, access, 'file.manage')) return;
  const own = actor.kind === 'user' && createdBy === actor.user.id;
  if (!own || !canInSpace(actor, access, 'file.upload')) throw Forbidden();
}
