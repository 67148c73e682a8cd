import { and, eq, isNull, max, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { files, fileVersions, type FileRow } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { Invalid, isDomainError } from '@/lib/errors';
import { authorizeSpace } from '@/lib/spaces/access';
import { parseInput } from '@/lib/validation';
import { authorizeFile, liveFolder } from './access';
import { announceFileChanges } from './events';
import { extractStoredText } from './extract-text';
import { sniffFile } from './preview/file-kind';
import { fileResources, spaceUsage } from './queries';
import { fileSearchColumns } from './search-columns';
import type { FileResource } from './resources';
import { freeName, type PreviewKind } from './rules';
import { uploadSchema, type UploadInput } from './schema';
import { getFileStorage, newStorageKey } from './storage';

export type UploadBody = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

interface StoredBytes {
  key: string;
  size: number;
  sha256: string;
  mime: string;
  kind: PreviewKind;
  /** What global search finds the version by (lib/files/extract-text.ts). */
  extractedText: string | null;
}

/**
 * Streams the bytes into the storage under a new key, within the per-file cap and what is left
 * of the space's quota, and sniffs their type. Nothing is kept when the body breaks off or is too large.
 */
async function storeBytes(spaceId: string, name: string, body: UploadBody | null, declaredBytes: number | null): Promise<StoredBytes> {
  if (!body) throw Invalid({ file: ['required'] });
  const db = await getDb();
  const usage = await spaceUsage(db, spaceId);
  const left = usage.quotaBytes - usage.usedBytes;
  if (declaredBytes !== null && declaredBytes > env.FILE_MAX_BYTES) throw Invalid({ file: ['fileTooLarge'] });
  if (left <= 0 || (declaredBytes !== null && declaredBytes > left)) throw Invalid({ file: ['quotaExceeded'] });
  const key = newStorageKey('files');
  const quotaBinds = left < env.FILE_MAX_BYTES;
  try {
    const stored = await getFileStorage().write(key, body, { maxBytes: Math.min(env.FILE_MAX_BYTES, left) });
    const sniffed = await sniffFile({ head: stored.head, name });
    // Read back once the bytes are safely stored; a file without readable text still uploads.
    const extractedText = await extractStoredText(key, sniffed.kind, stored.size);
    return { key, size: stored.size, sha256: stored.sha256, mime: sniffed.mime, kind: sniffed.kind, extractedText };
  } catch (error) {
    if (quotaBinds && isDomainError(error) && error.fieldErrors.file?.includes('fileTooLarge')) throw Invalid({ file: ['quotaExceeded'] });
    throw error;
  }
}

/**
 * Checked again under the space's row lock, once the bytes are stored: two uploads that each fit
 * what was left when they began must not both be kept when together they do not.
 */
async function assertQuotaHolds(tx: Transaction, spaceId: string, stored: StoredBytes) {
  const usage = await spaceUsage(tx, spaceId);
  if (usage.usedBytes + stored.size > usage.quotaBytes) throw Invalid({ file: ['quotaExceeded'] });
}

/** Adds a version to `file` in the transaction, numbered after its newest, and makes it current. */
async function addVersion(tx: Transaction, file: FileRow, stored: StoredBytes, uploadedBy: string, note: string | null) {
  const [last] = await tx.select({ n: max(fileVersions.number) }).from(fileVersions).where(eq(fileVersions.fileId, file.id));
  const [version] = await tx.insert(fileVersions).values({
    fileId: file.id, number: (last?.n ?? 0) + 1, storageKey: stored.key, sizeBytes: stored.size, sha256: stored.sha256,
    mime: stored.mime, kind: stored.kind, note, uploadedBy, extractedText: stored.extractedText,
  }).returning();
  await tx.update(files).set({ currentVersionId: version!.id, updatedAt: new Date(), ...fileSearchColumns(file.name, stored.extractedText) }).where(eq(files.id, file.id));
  return version!;
}

/** Runs `write` with the stored bytes; if it fails, the bytes are removed again (no orphan objects). */
async function keepOrRemove<T>(stored: StoredBytes, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await getFileStorage().remove(stored.key).catch(() => undefined);
    throw error;
  }
}

async function resourceOf(userId: string, fileId: string): Promise<FileResource> {
  const db = await getDb();
  const [resource] = await fileResources(db, userId, eq(files.id, fileId));
  return resource!;
}

/**
 * Uploads a file into a folder of the space (contributors of an active space). A live file with
 * the same name in that folder gets a new version instead (`created: false`), unless `conflict`
 * is 'rename' (attachments): then the upload keeps both, under the first free name.
 */
export async function uploadFile(actor: Actor, spaceId: string, input: UploadInput, body: UploadBody | null, declaredBytes: number | null = null): Promise<{ file: FileResource; created: boolean }> {
  const user = requireUserActor(actor);
  const data = parseInput(uploadSchema, input);
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'file.upload');
  await liveFolder(db, spaceId, data.folderId);
  const stored = await storeBytes(spaceId, data.name, body, declaredBytes);
  const folderId = data.folderId ?? null;
  const { fileId, created } = await keepOrRemove(stored, () => db.transaction(async (tx) => {
    // The space's row lock orders uploads of one space: version numbers and the quota stay exact.
    const { space } = await authorizeSpace(tx, actor, spaceId, 'file.upload', { lock: true });
    await assertQuotaHolds(tx, spaceId, stored);
    await liveFolder(tx, spaceId, folderId);
    const named = async (name: string) => (await tx.select().from(files).where(and(
      eq(files.spaceId, spaceId), isNull(files.deletedAt), folderId ? eq(files.folderId, folderId) : isNull(files.folderId),
      sql`lower(${files.name}) = lower(${name})`,
    )))[0];
    const name = data.conflict === 'rename' ? await freeName(data.name, async (candidate) => Boolean(await named(candidate))) : data.name;
    const existing = await named(name);
    let file = existing;
    if (!file) {
      [file] = await tx.insert(files).values({ spaceId, folderId, name, createdBy: user.id }).returning();
    }
    const version = await addVersion(tx, file!, stored, user.id, data.note ?? null);
    await recordAudit(tx, actor, {
      organizationId: space.organizationId, spaceId, action: existing ? 'file.version' : 'file.upload', targetType: 'file', targetId: file!.id,
      data: { name, version: version.number, sizeBytes: stored.size },
    });
    await announceFileChanges(tx, actor, spaceId, [file!.id]);
    return { fileId: file!.id, created: !existing };
  })).catch((error) => {
    // Two uploads of a new name raced: the loser is told, its bytes already removed.
    if (isUniqueViolation(error)) throw Invalid({ name: ['fileNameTaken'] });
    throw error;
  });
  return { file: await resourceOf(user.id, fileId), created };
}

/** 上传新版本: new bytes for an existing file, whatever their name (the file keeps its own). */
export async function uploadVersion(actor: Actor, fileId: string, input: { note?: string | null }, body: UploadBody | null, declaredBytes: number | null = null): Promise<FileResource> {
  const user = requireUserActor(actor);
  const db = await getDb();
  const { file } = await authorizeFile(db, actor, fileId, 'file.upload');
  const { note } = parseInput(uploadSchema.pick({ note: true }), input);
  const stored = await storeBytes(file.spaceId, file.name, body, declaredBytes);
  await keepOrRemove(stored, () => db.transaction(async (tx) => {
    const { space, file: locked } = await authorizeFile(tx, actor, fileId, 'file.upload', { lock: true });
    await assertQuotaHolds(tx, space.id, stored);
    const version = await addVersion(tx, locked, stored, user.id, note ?? null);
    await recordAudit(tx, actor, {
      organizationId: space.organizationId, spaceId: space.id, action: 'file.version', targetType: 'file', targetId: fileId,
      data: { name: locked.name, version: version.number, sizeBytes: stored.size },
    });
    await announceFileChanges(tx, actor, space.id, [fileId]);
  }));
  return resourceOf(user.id, fileId);
}
