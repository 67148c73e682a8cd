// Client-safe avatar rules, shared by the upload form, the API and the service.
/** Storage folder of uploaded avatars. */
export const AVATAR_FOLDER = 'avatars';

/** Largest picture accepted before it is resized; phone photos fit. */
export const AVATAR_MAX_BYTES = 8 * 1024 * 1024;

/** Image types accepted as avatars (checked on the bytes, not on the name or the declared type). */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'];

/** The URL an avatar stored under `key` is served from, or null when the user has none. */
export function avatarUrl(key: string | null | undefined): string | null {
  return key ? `/api/${key}` : null;
}

/** The storage key behind an avatar URL's last segment, as the serving route receives it. */
export function avatarKeyFromName(name: string): string {
  return `${AVATAR_FOLDER}/${name}`;
}
