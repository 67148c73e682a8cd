import { fileTypeFromBuffer } from 'file-type';
import mammoth from 'mammoth';
import { DOCX_HTML_MAX_CHARS, DOCX_IMAGE_MAX_BYTES, DOCX_IMAGES_MAX_BYTES, OFFICE_TIMEOUT_MS } from './limits';
import { checkOfficeArchive, withTimeout } from './office-archive';
import { sanitizeRichHtml } from './sanitize';
import { unavailable, type Preview } from './types';

// Word documents as HTML, converted by mammoth (structure only: headings, lists, tables, links,
// emphasis) and then sanitised. Pictures are inlined as data: URIs when their bytes are a raster
// format and they fit the size caps; anything else (EMF, SVG, huge scans) is left out.

const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Cuts HTML before the tag that crosses `max` characters, so no tag or data: URI is split. */
function cutHtml(html: string, max: number): { html: string; truncated: boolean } {
  if (html.length <= max) return { html, truncated: false };
  return { html: html.slice(0, Math.max(0, html.lastIndexOf('<', max))), truncated: true };
}

async function convertDocx(bytes: Uint8Array): Promise<Preview> {
  let imageBudget = DOCX_IMAGES_MAX_BYTES;
  let imageChars = 0;
  // The content type a .docx declares for a picture is a claim like any other: sniff the bytes.
  const convertImage = mammoth.images.imgElement(async (image) => {
    const data = await image.readAsBuffer();
    if (data.byteLength > DOCX_IMAGE_MAX_BYTES || data.byteLength > imageBudget) return { src: '' };
    const type = await fileTypeFromBuffer(data);
    if (!type || !INLINE_IMAGES.has(type.mime)) return { src: '' };
    imageBudget -= data.byteLength;
    const src = `data:${type.mime};base64,${data.toString('base64')}`;
    imageChars += src.length;
    return { src };
  });
  let converted: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Never follow a picture linked to a path or URL outside the file, and ignore a style map
      // the document brings (it could map paragraphs to any element).
      { convertImage, externalFileAccess: false, includeEmbeddedStyleMap: false },
    );
    converted = result.value;
  } catch {
    return unavailable('corrupt');
  }
  const { html, truncated } = cutHtml(converted, DOCX_HTML_MAX_CHARS + imageChars);
  return { type: 'html', html: sanitizeRichHtml(html), truncated };
}

/**
 * A .docx as sanitised HTML; an archive that is too large or declares too much unpacked is
 * refused before it is opened, and one mammoth cannot read is corrupt.
 */
export async function renderDocx(bytes: Uint8Array): Promise<Preview> {
  const open = async () => {
    const problem = await checkOfficeArchive(bytes);
    return problem ? unavailable(problem) : convertDocx(bytes);
  };
  return withTimeout(open(), OFFICE_TIMEOUT_MS, unavailable('tooLarge'));
}
