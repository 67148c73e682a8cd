import { userActor } from '@/lib/auth/actor';
import { openVersionBytes, readableVersion } from '@/lib/files/content';
import { isInlineSafe } from '@/lib/files/preview/file-kind';
import { verifyContentLink } from '@/lib/files/signed-url';
import { Forbidden } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { parseByteRange } from '@/lib/http/byte-range';
import { contentDisposition } from '@/lib/http/download';

export const dynamic = 'force-dynamic';

/**
 * A version's bytes (`version`, the newest by default), with byte ranges for players and resumed
 * downloads. API clients send their token; in the browser the link must be one a page signed
 * for this person, not expired. Either way the space's permission is checked on every request.
 */
export const GET = apiRoute<{ fileId: string }>(async ({ request, user, params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const bearer = request.headers.get('authorization')?.toLowerCase().startsWith('bearer ');
  if (!bearer && !(await verifyContentLink(user.id, { version: query.version ?? '', expires: query.expires ?? '', disposition: query.disposition ?? '', sig: query.sig ?? '' }))) {
    throw Forbidden('fileLinkExpired');
  }
  const { name, version } = await readableVersion(userActor(user), params.fileId, query.version || null);
  // Only types a browser shows without running anything are ever sent inline.
  const inline = query.disposition === 'inline' && isInlineSafe(version.mime);
  const headers = new Headers({
    'content-type': inline ? version.mime : version.mime.startsWith('text/') ? 'text/plain; charset=utf-8' : version.mime,
    'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', name),
    'x-content-type-options': 'nosniff',
    // Even if something renders it, nothing in it runs.
    'content-security-policy': "default-src 'none'; sandbox",
    'accept-ranges': 'bytes',
    etag: `"${version.sha256}"`,
    'cache-control': 'private, max-age=900',
  });
  const range = parseByteRange(request.headers.get('range'), version.sizeBytes);
  if (range === 'unsatisfiable') {
    headers.set('content-range', `bytes */${version.sizeBytes}`);
    return new Response(null, { status: 416, headers });
  }
  const { body, size } = await openVersionBytes(version, range);
  if (!range) {
    headers.set('content-length', String(size));
    return new Response(body, { status: 200, headers });
  }
  headers.set('content-range', `bytes ${range.start}-${range.end}/${size}`);
  headers.set('content-length', String(range.end - range.start + 1));
  return new Response(body, { status: 206, headers });
});
