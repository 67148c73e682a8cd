// Office files (.xlsx, .docx) are zip archives. Reading the archive's directory tells, before
// anything is unpacked, whether the bytes are a zip at all and how large they claim to unpack:
// a small upload must not be allowed to inflate into gigabytes (a "zip bomb").

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - END_RECORD_SIZE;
  for (let i = last; i >= Math.max(0, last - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) return i;
  }
  return -1;
}

/**
 * The total size the entries of a zip archive declare unpacked, or null when the bytes are not a
 * readable zip. Zip64 archives (sizes past 4 GB) count as infinitely large.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  if (bytes.byteLength < END_RECORD_SIZE) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== LOCAL_HEADER) return null;
  const end = findEndOfDirectory(view);
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) return Infinity;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== CENTRAL_HEADER) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}
