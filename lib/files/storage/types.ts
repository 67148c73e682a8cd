/** What a write saw while streaming: byte count, SHA-256 (hex) and the first bytes for type sniffing. */
export interface WriteResult {
  size: number;
  sha256: string;
  head: Uint8Array;
}

export type StorageBody = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Inclusive byte range, as HTTP `Range: bytes=start-end` names it. */
export interface StorageRange {
  start: number;
  end: number;
}

export interface OpenedObject {
  body: ReadableStream<Uint8Array>;
  /** The whole object's size, whatever range was asked for. */
  size: number;
}

/**
 * Where uploaded bytes live. Callers never see paths: they store under a random key made by
 * `newStorageKey` and keep the key in the database. Every call refuses anything else as a key.
 */
export interface StreamingStorage {
  /**
   * Streams `body` under `key` and reports what it saw. Past `maxBytes` it stops and throws
   * `Invalid({ file: ['fileTooLarge'] })`; a full store throws `Invalid({ file: ['storageFull'] })`.
   * Whatever fails, nothing stays stored under the key (an existing object is only replaced on success).
   */
  write(key: string, body: StorageBody, options: { maxBytes: number }): Promise<WriteResult>;
  /**
   * The stored bytes as a stream, all of them or `range` (its end is clamped to the last byte; a
   * range starting past the end yields no bytes); null when nothing is stored under the key.
   */
  openRead(key: string, range?: StorageRange): Promise<OpenedObject | null>;
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes the bytes; removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}

/** The streaming calls plus buffered ones for small files (avatars). */
export interface FileStorage extends StreamingStorage {
  put(key: string, data: Uint8Array): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  read(key: string): Promise<Uint8Array | null>;
}
