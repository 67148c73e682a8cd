import { fileTypeFromBuffer } from 'file-type';
import type { PreviewKind } from '@/lib/files/rules';
import { SNIFF_BYTES } from './limits';
import { detectTextEncoding } from './text-encoding';
import { textFormatOf } from './text-formats';

// What a file is, from its bytes: the name and the browser's type are claims, the content is the
// fact. Only formats a browser shows without running anything from the file become previews
// that embed the file itself (image, pdf, audio, video).

export type { PreviewKind };

export interface SniffedFile {
  mime: string;
  kind: PreviewKind;
  /** The extension matching the content (png, docx, ts, txt), or null for unknown binary. */
  extension: string | null;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Raster formats browsers draw as pictures; SVG is not here: it is a document that can script.
const IMAGES = new Set(['image/png', 'image/apng', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);
// What <audio>/<video> play in current browsers; other media is only downloaded.
const AUDIO = new Set(['audio/mpeg', 'audio/wav', 'audio/ogg', 'audio/aac', 'audio/flac', 'audio/mp4', 'audio/x-m4a', 'application/ogg']);
const VIDEO = new Set(['video/mp4', 'video/webm', 'video/ogg', 'video/quicktime', 'video/x-m4v']);
// Text formats file-type recognises by their first characters: shown as the text they are.
const TEXTUAL = new Set(['application/xml', 'text/vtt', 'text/vcard', 'text/calendar']);

// file-type writes Opus as 'audio/ogg; codecs=opus'; parameters never change what a type is.
const essence = (mime: string) => (mime.split(';')[0] ?? '').trim().toLowerCase();

function kindOfMime(mime: string): PreviewKind {
  if (IMAGES.has(mime)) return 'image';
  if (mime === 'application/pdf') return 'pdf';
  if (mime === DOCX) return 'docx';
  if (mime === XLSX) return 'xlsx';
  if (AUDIO.has(mime)) return 'audio';
  if (VIDEO.has(mime)) return 'video';
  return 'none';
}

function sniffText(head: Uint8Array, name: string, declaredType?: string): SniffedFile {
  if (detectTextEncoding(head) === null) return { mime: 'application/octet-stream', kind: 'none', extension: null };
  const { kind, mime, extension } = textFormatOf(name, declaredType);
  return { kind, mime, extension };
}

/**
 * The real type of a file from its first bytes (`head`; more is fine, only SNIFF_BYTES are read)
 * and how it can be previewed. Known binary formats come from file-type; anything else is text
 * when its bytes are (the name then picks text, Markdown or a code language) and 'none' when not.
 */
export async function sniffFile({ head, name, declaredType }: { head: Uint8Array; name: string; declaredType?: string }): Promise<SniffedFile> {
  const start = head.subarray(0, SNIFF_BYTES);
  const detected = await fileTypeFromBuffer(start);
  if (!detected || TEXTUAL.has(detected.mime)) return sniffText(start, name, declaredType);
  const mime = essence(detected.mime);
  return { mime, kind: kindOfMime(mime), extension: detected.ext };
}

/**
 * Whether a browser may show a file of this (sniffed) type inline: raster images, PDF, audio and
 * video. Everything else is served as an attachment, always with `X-Content-Type-Options: nosniff`.
 */
export function isInlineSafe(mime: string): boolean {
  const type = essence(mime);
  return IMAGES.has(type) || type === 'application/pdf' || AUDIO.has(type) || VIDEO.has(type);
}
