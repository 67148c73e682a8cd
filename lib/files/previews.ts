import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { filePreviews, type FileVersion } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { openVersionBytes, readableVersion } from './content';
import { OFFICE_MAX_BYTES, PREVIEW_FORMAT_VERSION, TEXT_MAX_BYTES } from './preview/limits';
import { renderPreview } from './preview/render';
import { unavailable, type Preview } from './preview/types';

interface CachedPreview {
  format: number;
  preview: Preview;
}

const MEDIA = new Set(['image', 'pdf', 'audio', 'video']);
const TEXT = new Set(['text', 'markdown', 'code']);

/** The bytes the preview needs: the head of a text (one byte more tells it was cut), all of an office file. */
async function bytesFor(version: FileVersion): Promise<Uint8Array> {
  const end = TEXT.has(version.kind) ? Math.min(version.sizeBytes, TEXT_MAX_BYTES + 1) - 1 : version.sizeBytes - 1;
  if (end < 0) return new Uint8Array();
  const { body } = await openVersionBytes(version, { start: 0, end });
  return new Uint8Array(await new Response(body).arrayBuffer());
}

async function generate(version: FileVersion, name: string): Promise<Preview> {
  if (MEDIA.has(version.kind)) return { type: 'media' };
  if (version.kind === 'none') return unavailable('unsupported');
  if (!TEXT.has(version.kind) && version.sizeBytes > OFFICE_MAX_BYTES) return unavailable('tooLarge');
  return renderPreview({ kind: version.kind, bytes: await bytesFor(version), name });
}

/**
 * A version's preview (the newest when none is named), made on first view and kept: a version's
 * bytes never change. Only for people who may read the file.
 */
export async function previewOf(actor: Actor, fileId: string, versionId?: string | null): Promise<{ version: FileVersion; name: string; preview: Preview }> {
  const { version, name } = await readableVersion(actor, fileId, versionId);
  const db = await getDb();
  const [cached] = await db.select({ preview: filePreviews.preview }).from(filePreviews).where(eq(filePreviews.versionId, version.id));
  const stored = cached?.preview as CachedPreview | undefined;
  if (stored?.format === PREVIEW_FORMAT_VERSION) return { version, name, preview: stored.preview };
  const preview = await generate(version, name);
  const value: CachedPreview = { format: PREVIEW_FORMAT_VERSION, preview };
  await db.insert(filePreviews).values({ versionId: version.id, preview: value })
    .onConflictDoUpdate({ target: filePreviews.versionId, set: { preview: value } });
  return { version, name, preview };
}
