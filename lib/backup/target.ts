import { describePostgresUrl } from './pg-tools';

/** The installation a backup is taken from or restored into: the app's own settings. */
export interface Installation {
  databaseUrl?: string;
  pgliteDir: string;
  filesDir: string;
  /** Set when files live in an S3 bucket instead of `filesDir`. */
  s3Bucket?: string;
}

export function describeInstallation(target: Installation): string {
  const database = target.databaseUrl ? describePostgresUrl(target.databaseUrl) : `the embedded database in ${target.pgliteDir}`;
  const files = target.s3Bucket ? `files in the S3 bucket ${target.s3Bucket}` : `files in ${target.filesDir}`;
  return `${database}, ${files}`;
}
