/**
 * An upload's raw body and the size it declares (null when the client streams without one). The
 * file's bytes are the whole body: no multipart framing to parse, so they stream straight to storage.
 */
export function uploadBody(request: Request): { body: ReadableStream<Uint8Array> | null; declaredBytes: number | null } {
  const length = request.headers.get('content-length');
  const declared = length === null ? null : Number(length);
  return { body: request.body, declaredBytes: declared !== null && Number.isSafeInteger(declared) && declared >= 0 ? declared : null };
}

