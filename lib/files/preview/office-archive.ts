import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { zipUnpackedSize } from '@/lib/files/zip-size';
import { OFFICE_MAX_BYTES, OFFICE_MAX_UNPACKED } from './limits';

// .docx and .xlsx are zip archives, opened by parsers (via jszip) that unpack entries whole and
// only compare the result with the declared size afterwards. So before a parser sees an archive,
// its declared sizes are checked against the limits, and each entry is inflated once here with
// its declared size as a hard cap: an archive that lies about its sizes never inflates further.

const inflate = promisify(inflateRaw);

const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;

export type ArchiveProblem = 'corrupt' | 'tooLarge';

interface Entry {
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

// zipUnpackedSize has already found the directory readable; this lists it again with what
// inflating needs.
function listEntries(view: DataView): Entry[] | null {
  let end = -1;
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries: Entry[] = [];
  let offset = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_HEADER) return null;
    entries.push({
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

async function entryIsHonest(bytes: Uint8Array, view: DataView, entry: Entry): Promise<boolean> {
  const { localOffset, compressedSize, size, method } = entry;
  if (entry.flags & ENCRYPTED) return false;
  if (localOffset + 30 > bytes.byteLength || view.getUint32(localOffset, true) !== LOCAL_HEADER) return false;
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (start + compressedSize > bytes.byteLength) return false;
  if (method === STORED) return compressedSize === size;
  if (method !== DEFLATED) return false;
  try {
    // maxOutputLength must be at least 1; an entry declared empty may still inflate to nothing.
    const output = await inflate(bytes.subarray(start, start + compressedSize), { maxOutputLength: Math.max(size, 1) });
    return output.byteLength === size;
  } catch {
    return false;
  }
}

/**
 * Why an Office archive must not be opened, or null when it may: over OFFICE_MAX_BYTES or
 * declaring more than OFFICE_MAX_UNPACKED is too large; not a zip, encrypted, or an entry that
 * inflates past (or short of) its declared size is corrupt.
 */
export async function checkOfficeArchive(bytes: Uint8Array): Promise<ArchiveProblem | null> {
  if (bytes.byteLength > OFFICE_MAX_BYTES) return 'tooLarge';
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) return 'corrupt';
  if (unpacked > OFFICE_MAX_UNPACKED) return 'tooLarge';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = listEntries(view);
  if (!entries) return 'corrupt';
  for (const entry of entries) {
    if (!(await entryIsHonest(bytes, view, entry))) return 'corrupt';
  }
  return null;
}

const TIMED_OUT = Symbol('timedOut');

/** The result of `work`, or `fallback` once `ms` have passed (the work itself is not stopped). */
export async function withTimeout<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    const result = await Promise.race([work, timeout]);
    return result === TIMED_OUT ? fallback : result;
  } finally {
    clearTimeout(timer);
  }
}
