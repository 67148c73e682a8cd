import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BackupError } from './errors';

export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT = 'xiezuo-backup/1';

const partSchema = z.object({
  // A plain file name inside the backup folder: a manifest cannot point elsewhere.
  name: z.string().regex(/^[\w-]+(\.[\w-]+)*$/),
  role: z.enum(['database', 'files']),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const migrationSchema = z.object({
  applied: z.number().int().min(0),
  /** Tag of the newest applied migration (`0017_directory_scim`); null when this app does not know it. */
  latest: z.string().nullable(),
  /** Its journal time, which orders migrations across versions. */
  latestWhen: z.number().int().nullable(),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  appVersion: z.string(),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['postgres', 'pglite']),
    serverVersion: z.string(),
    /** The pg_dump that wrote the dump (Postgres only): pg_restore must be at least this major. */
    dumpTool: z.string().optional(),
    migration: migrationSchema,
    /** Rows per table (`schema.table`) at the moment of the dump, checked again after a restore. */
    tables: z.record(z.string(), z.number().int().min(0)),
  }),
  files: z.discriminatedUnion('store', [
    z.object({ store: z.literal('local'), count: z.number().int().min(0), bytes: z.number().int().min(0) }),
    z.object({ store: z.literal('s3'), bucket: z.string() }),
  ]),
  parts: z.array(partSchema).min(1),
}).superRefine((manifest, context) => {
  // A restore reads exactly these parts: a manifest naming others describes no backup we wrote.
  const count = (role: ManifestPart['role']) => manifest.parts.filter((part) => part.role === role).length;
  if (count('database') !== 1) context.addIssue({ code: 'custom', path: ['parts'], message: 'needs exactly one database part' });
  const filesParts = manifest.files.store === 'local' ? 1 : 0;
  if (count('files') !== filesParts) {
    context.addIssue({ code: 'custom', path: ['parts'], message: filesParts ? 'needs one files part for local files' : 'has a files part, but the files are in S3' });
  }
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestPart = z.infer<typeof partSchema>;
export type MigrationLevel = z.infer<typeof migrationSchema>;

/** The sha256 of a file, streamed (dumps can be gigabytes). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A part's entry for the manifest: its size and checksum as written. */
export async function describePart(folder: string, name: string, role: ManifestPart['role']): Promise<ManifestPart> {
  const file = path.join(folder, name);
  const { size } = await fs.stat(file);
  return { name, role, bytes: size, sha256: await sha256File(file) };
}

export async function writeManifest(folder: string, manifest: Manifest): Promise<void> {
  await fs.writeFile(path.join(folder, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(folder: string): Promise<Manifest> {
  const text = await fs.readFile(path.join(folder, MANIFEST_NAME), 'utf8').catch(() => null);
  if (text === null) throw new BackupError(`${folder} has no ${MANIFEST_NAME}: it is not a Xiezuo backup.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError(`${path.join(folder, MANIFEST_NAME)} is not valid JSON: the backup is damaged.`);
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
    throw new BackupError(`${path.join(folder, MANIFEST_NAME)} is not a Xiezuo backup manifest (${problems}).`);
  }
  return parsed.data;
}

/**
 * Checks every part against its size and sha256 before anything is restored, so a damaged or
 * truncated backup is refused whole instead of half-restored.
 */
export async function verifyParts(folder: string, manifest: Manifest): Promise<void> {
  for (const part of manifest.parts) {
    const file = path.join(folder, part.name);
    const stats = await fs.stat(file).catch(() => null);
    if (!stats) throw new BackupError(`The backup part ${part.name} is missing from ${folder}. Nothing was restored.`);
    if (stats.size !== part.bytes || (await sha256File(file)) !== part.sha256) {
      throw new BackupError(
        `The backup part ${part.name} does not match its checksum in the manifest: the backup is damaged. Nothing was restored.`,
      );
    }
  }
}

export function partOf(manifest: Manifest, role: ManifestPart['role']): ManifestPart | undefined {
  return manifest.parts.find((part) => part.role === role);
}
