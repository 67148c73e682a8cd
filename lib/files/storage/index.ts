import path from 'node:path';
import { env } from '@/lib/env';
import { localDiskStorage } from './local-disk';
import { createS3Client, s3Storage } from './s3';
import type { FileStorage } from './types';

export { isStorageKey, newStorageKey } from './keys';
export { HEAD_BYTES } from './metered-body';
export { localDiskStorage } from './local-disk';
export { createS3Client, s3Storage, type S3Settings } from './s3';
export type { FileStorage, OpenedObject, StorageBody, StorageRange, StreamingStorage, WriteResult } from './types';

function configuredStorage(): FileStorage {
  if (!env.FILES_S3_BUCKET) return localDiskStorage(path.resolve(env.FILES_DIR));
  const client = createS3Client({
    endpoint: env.FILES_S3_ENDPOINT,
    region: env.FILES_S3_REGION,
    accessKeyId: env.FILES_S3_ACCESS_KEY_ID,
    secretAccessKey: env.FILES_S3_SECRET_ACCESS_KEY,
    // Self-hosted stores rarely have a wildcard DNS name per bucket; AWS prefers virtual hosts.
    forcePathStyle: env.FILES_S3_FORCE_PATH_STYLE ?? Boolean(env.FILES_S3_ENDPOINT),
  });
  return s3Storage({ client, bucket: env.FILES_S3_BUCKET });
}

// One store, and so one S3 client with its connection pool, per process.
let storage: FileStorage | undefined;

/** The configured store: the FILES_S3_BUCKET bucket when set, else local disk under FILES_DIR. */
export function getFileStorage(): FileStorage {
  storage ??= configuredStorage();
  return storage;
}
