import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Invalid } from '@/lib/errors';
import { withBufferedCalls } from './buffered';
import { assertStorageKey } from './keys';
import { meterBody } from './metered-body';
import { assertRange, noBytes } from './range';
import type { FileStorage } from './types';

export interface S3Settings {
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

// S3's smallest part; with two parts in flight one upload holds about three parts in memory.
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/** A client for AWS or any S3-compatible store (MinIO, Ceph, R2, OSS/COS in S3 mode…). */
export function createS3Client(settings: S3Settings): S3Client {
  const { endpoint, region, accessKeyId, secretAccessKey, forcePathStyle } = settings;
  return new S3Client({
    endpoint,
    region,
    forcePathStyle,
    // Without keys the SDK's own chain applies (instance role, AWS_* variables, profile).
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Newer SDKs add CRC checksums to every request; many S3-compatible stores refuse them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const nameOf = (error: unknown) => (error instanceof Error ? error.name : '');
const isMissing = (error: unknown) => statusOf(error) === 404 || ['NoSuchKey', 'NotFound'].includes(nameOf(error));
// 507 and MinIO's code for a full disk, Ceph's for a bucket quota: to the uploader all are a full store.
const isStoreFull = (error: unknown) => statusOf(error) === 507 || ['XMinioStorageFull', 'QuotaExceeded'].includes(nameOf(error));

/** The whole object's size: from `Content-Range: bytes a-b/total` for a range, else the length. */
function totalSize(object: GetObjectCommandOutput): number {
  const total = object.ContentRange?.match(/\/(\d+)$/)?.[1];
  return total ? Number(total) : (object.ContentLength ?? 0);
}

/** Objects in one bucket, named by their keys. */
export function s3Storage({ client, bucket }: { client: S3Client; bucket: string }): FileStorage {
  async function stat(key: string) {
    assertStorageKey(key);
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return withBufferedCalls({
    async write(key, body, { maxBytes }) {
      assertStorageKey(key);
      const metered = meterBody(body, maxBytes);
      // Parts go up while the body arrives. A failure or the cap aborts the multipart upload, and a
      // single PUT is only sent for a body that ended well: either way no object appears.
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: Readable.from(metered.chunks) },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
      });
      try {
        await upload.done();
      } catch (error) {
        // The body's own failure first: the SDK may report the abort that followed it instead.
        const cause = metered.failure() ?? error;
        throw isStoreFull(cause) ? Invalid({ file: ['storageFull'] }) : cause;
      }
      return metered.result();
    },

    async openRead(key, range) {
      assertStorageKey(key);
      if (range) assertRange(range);
      try {
        const object = await client.send(new GetObjectCommand({
          Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }));
        if (!object.Body) throw new Error(`GetObject of ${key} returned no body`);
        return { body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: totalSize(object) };
      } catch (error) {
        if (isMissing(error)) return null;
        // 416: the range starts past the end (or the object is empty).
        if (statusOf(error) === 416) {
          const found = await stat(key);
          return found && { body: noBytes(), size: found.size };
        }
        throw error;
      }
    },

    stat,

    async remove(key) {
      assertStorageKey(key);
      // S3 answers a delete of a missing key with success already.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  });
}
