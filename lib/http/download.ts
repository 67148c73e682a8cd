// RFC 5987: a non-ASCII file name goes in filename*; encodeURIComponent leaves ' ( ) * unescaped,
// which that syntax does not allow.
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The Content-Disposition of a file: `fileName` in UTF-8 for browsers that read filename* (all
 * current ones), and `fallbackName` (ASCII, default: the name with anything else replaced) for the rest.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string, fallbackName = fileName): string {
  return `${kind}; filename="${fallbackName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * A file download: `fileName` in UTF-8 for browsers that read filename* (all current ones), and an
 * ASCII `fallbackName` for the rest. The type is ours, never guessed by the browser.
 */
export function fileDownload(bytes: Uint8Array, { fileName, fallbackName, contentType }: { fileName: string; fallbackName: string; contentType: string }): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': contentType,
      'content-disposition': contentDisposition('attachment', fileName, fallbackName),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
