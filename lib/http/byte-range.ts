import type { StorageRange } from '@/lib/files/storage';

/**
 * The one range of a `Range: bytes=…` header within `size` bytes: null for none (send it all),
 * 'unsatisfiable' for a range outside the file. Several ranges are answered with the whole file.
 */
export function parseByteRange(header: string | null, size: number): StorageRange | null | 'unsatisfiable' {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (!match[1] && !match[2])) return null;
  const [, from, to] = match;
  if (!from) {
    // bytes=-N: the last N bytes.
    const length = Math.min(Number(to), size);
    return length > 0 ? { start: size - length, end: size - 1 } : 'unsatisfiable';
  }
  const start = Number(from);
  const end = to ? Math.min(Number(to), size - 1) : size - 1;
  return start < size && start <= end ? { start, end } : 'unsatisfiable';
}
