import type { StorageRange } from './types';

/** A range callers built wrongly (negative, reversed, fractional) is a bug: refuse it loudly. */
export function assertRange(range: StorageRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Not a byte range: ${start}-${end}`);
  }
}

/** `range` within an object of `size` bytes: end clamped to the last byte, null when nothing is left. */
export function clampRange(range: StorageRange, size: number): StorageRange | null {
  const end = Math.min(range.end, size - 1);
  return range.start <= end ? { start: range.start, end } : null;
}

/** What a range past the end of an object reads as. */
export function noBytes(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}
