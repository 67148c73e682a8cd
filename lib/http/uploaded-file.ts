import { Invalid } from '@/lib/errors';

// Multipart framing around the file: boundaries, headers, the file name.
const MULTIPART_OVERHEAD = 16 * 1024;

/**
 * The bytes of the `file` field of a multipart/form-data request. A body declared larger than
 * `maxBytes` is refused before it is read; the size of what arrives is checked again by the caller.
 */
export async function readUploadedFile(
  request: Request,
  maxBytes: number,
  tooLargeKey = 'fileTooLarge',
): Promise<Uint8Array> {
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    throw Invalid({ file: ['multipartRequired'] });
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes + MULTIPART_OVERHEAD) throw Invalid({ file: [tooLargeKey] });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw Invalid({ file: ['multipartRequired'] });
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) throw Invalid({ file: ['required'] });
  return new Uint8Array(await file.arrayBuffer());
}
