import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { Invalid, NotFound } from '@/lib/errors';
import { getFileStorage, isStorageKey, newStorageKey } from '@/lib/files/storage';
import { AVATAR_FOLDER, AVATAR_MAX_BYTES, AVATAR_TYPES } from './avatar-rules';

const AVATAR_SIZE = 256;
// Decoding bombs: a tiny file can claim a huge canvas; refuse anything past 50 megapixels.
const MAX_INPUT_PIXELS = 50_000_000;
const ACCEPTED_TYPES = new Set(AVATAR_TYPES);

/** Checks the real type of an uploaded picture and turns it into a square WebP without metadata. */
async function normalizeAvatar(bytes: Uint8Array): Promise<Buffer> {
  if (bytes.byteLength === 0) throw Invalid({ file: ['fileEmpty'] });
  if (bytes.byteLength > AVATAR_MAX_BYTES) throw Invalid({ file: ['avatarTooLarge'] });
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ACCEPTED_TYPES.has(type.mime)) throw Invalid({ file: ['avatarType'] });
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate() // honour the camera's orientation before EXIF is dropped
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    throw Invalid({ file: ['avatarUnreadable'] });
  }
}

async function replaceOwnAvatarKey(actor: Actor, key: string | null) {
  const self = requireUserActor(actor);
  const db = await getDb();
  const previous = await db.transaction(async (tx) => {
    const [current] = await tx.select({ avatarKey: users.avatarKey }).from(users).where(eq(users.id, self.id)).for('update');
    if (!current) throw NotFound();
    await tx.update(users).set({ avatarKey: key }).where(eq(users.id, self.id));
    await recordAudit(tx, actor, {
      organizationId: self.organizationId, action: key ? 'profile.avatar' : 'profile.avatarRemove', targetType: 'user', targetId: self.id,
    });
    return current.avatarKey;
  });
  // The old picture goes only after the new key is committed, so a failure never leaves a dangling key.
  if (previous) await getFileStorage().remove(previous);
}

/** Sets the acting user's picture from an uploaded image (JPEG, PNG, WebP, GIF, AVIF). */
export async function setOwnAvatar(actor: Actor, bytes: Uint8Array): Promise<string> {
  requireUserActor(actor);
  const image = await normalizeAvatar(bytes);
  const key = newStorageKey(AVATAR_FOLDER, 'webp');
  await getFileStorage().put(key, image);
  try {
    await replaceOwnAvatarKey(actor, key);
  } catch (error) {
    await getFileStorage().remove(key);
    throw error;
  }
  return key;
}

/** Goes back to showing the acting user's initials. */
export async function removeOwnAvatar(actor: Actor): Promise<void> {
  await replaceOwnAvatarKey(actor, null);
}

/** The stored WebP bytes of an avatar; any signed-in colleague may see it. */
export async function readAvatar(actor: Actor, key: string): Promise<Uint8Array> {
  requireUserActor(actor);
  if (!isStorageKey(key) || !key.startsWith(`${AVATAR_FOLDER}/`)) throw NotFound();
  const bytes = await getFileStorage().read(key);
  if (!bytes) throw NotFound();
  return bytes;
}
