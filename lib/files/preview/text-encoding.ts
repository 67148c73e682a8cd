// Whether bytes are text, and in which encoding. UTF-8 first; GB18030 (a superset of GBK) second,
// because that is what Notepad and older Office on Chinese Windows save as "ANSI".

export type TextEncoding = 'utf-8' | 'gb18030';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const hasBom = (bytes: Uint8Array) => UTF8_BOM.every((byte, i) => bytes[i] === byte);

// C0 control characters that plain text does not contain: tab, line feed, form feed, carriage
// return and escape (colour codes in logs) are allowed.
function hasBinaryControls(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) return true;
  }
  return false;
}

// `stream: true` keeps a character cut off at the end of a slice from counting as invalid.
function decodesAs(encoding: TextEncoding, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding `bytes` (the start of a file, or all of it) are text in, or null for binary: any
 * NUL means binary; valid UTF-8 is text; otherwise valid GB18030 without control characters is.
 */
export function detectTextEncoding(bytes: Uint8Array): TextEncoding | null {
  if (bytes.includes(0)) return null;
  if (decodesAs('utf-8', bytes)) return 'utf-8';
  if (!hasBinaryControls(bytes) && decodesAs('gb18030', bytes)) return 'gb18030';
  return null;
}

// Below this share of undecodable characters, text is UTF-8 with a few stray bytes, not GBK
// (which read as UTF-8 turns nearly every Chinese character into U+FFFD).
const STRAY_BYTES_SHARE = 0.01;

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

/**
 * The text of at most `maxBytes` of `bytes`, and whether some was left out. A character cut by
 * the limit is dropped whole; bytes that do not decode become U+FFFD, never an error.
 */
export function decodeText(bytes: Uint8Array, maxBytes: number): { text: string; truncated: boolean } {
  const truncated = bytes.byteLength > maxBytes;
  const shown = truncated ? bytes.subarray(0, maxBytes) : bytes;
  const body = hasBom(shown) ? shown.subarray(UTF8_BOM.length) : shown;
  const decode = (encoding: TextEncoding) => new TextDecoder(encoding, { ignoreBOM: true }).decode(body, { stream: truncated });
  const utf8 = decode('utf-8');
  const stray = countReplacements(utf8);
  if (stray === 0 || stray < utf8.length * STRAY_BYTES_SHARE || detectTextEncoding(body) !== 'gb18030') return { text: utf8, truncated };
  return { text: decode('gb18030'), truncated };
}
