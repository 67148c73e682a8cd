import { createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';

// Links to a file's bytes that pages hand out are signed for one person and one version and
// expire soon: copied elsewhere, they stop working, and they never replace the permission check.

/** How long a link a page hands out stays valid. */
export const LINK_LIFETIME_MS = 15 * 60 * 1000;

export type ContentDisposition = 'inline' | 'attachment';

async function signature(userId: string, versionId: string, expires: number, disposition: ContentDisposition): Promise<string> {
  const secret = await getAuthSecret();
  return createHmac('sha256', `file-link:${secret}`).update(`${userId}|${versionId}|${expires}|${disposition}`).digest('base64url');
}

/** The URL of a version's bytes for `userId`, valid for LINK_LIFETIME_MS. */
export async function signedContentUrl(
  userId: string,
  fileId: string,
  versionId: string,
  disposition: ContentDisposition = 'attachment',
  now = Date.now(),
): Promise<string> {
  const expires = now + LINK_LIFETIME_MS;
  const sig = await signature(userId, versionId, expires, disposition);
  const query = new URLSearchParams({ version: versionId, expires: String(expires), disposition, sig });
  return `/api/v1/files/${fileId}/content?${query}`;
}

/** Whether the link's signature is right for this person and has not expired. */
export async function verifyContentLink(
  userId: string,
  link: { version: string; expires: string; disposition: string; sig: string },
  now = Date.now(),
): Promise<boolean> {
  const expires = Number(link.expires);
  if (!Number.isSafeInteger(expires) || expires < now) return false;
  if (link.disposition !== 'inline' && link.disposition !== 'attachment') return false;
  const expected = Buffer.from(await signature(userId, link.version, expires, link.disposition));
  const given = Buffer.from(link.sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
