import { z } from 'zod';
import { PREVIEW_KINDS } from './rules';

// What the REST API sends about the library, as zod schemas (the OpenAPI document is generated
// from them).

const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const fileVersionResourceSchema = z.object({
  id: z.uuid(),
  number: z.int(),
  sizeBytes: z.int(),
  sha256: z.string(),
  mime: z.string(),
  kind: z.enum(PREVIEW_KINDS),
  note: z.string().nullable(),
  /** This version brought back an older one: that version's number. */
  restoredFrom: z.int().nullable(),
  uploadedBy: person,
  createdAt: z.iso.datetime(),
});
export type FileVersionResource = z.output<typeof fileVersionResourceSchema>;

export const fileResourceSchema = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  folderId: z.uuid().nullable(),
  name: z.string(),
  /** The newest version: what a download or preview shows unless a version is named. */
  version: fileVersionResourceSchema,
  versionCount: z.int(),
  starred: z.boolean(),
  createdBy: person,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Set for files in the recycle bin (then also `purgeAt`). */
  deletedAt: z.iso.datetime().nullable(),
});
export type FileResource = z.output<typeof fileResourceSchema>;

export const folderResourceSchema = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  createdBy: person,
  createdAt: z.iso.datetime(),
  deletedAt: z.iso.datetime().nullable(),
});
export type FolderResource = z.output<typeof folderResourceSchema>;

export const usageSchema = z.object({ usedBytes: z.int(), quotaBytes: z.int() });
export type LibraryUsage = z.output<typeof usageSchema>;

export const libraryListingSchema = z.object({
  /** The folders from the top down to the listed one (empty at the top). */
  path: z.array(folderResourceSchema),
  folders: z.array(folderResourceSchema),
  files: z.array(fileResourceSchema),
  usage: usageSchema,
});
export type LibraryListing = z.output<typeof libraryListingSchema>;

export const attachmentResourceSchema = z.object({
  id: z.uuid(),
  targetType: z.string(),
  targetId: z.uuid(),
  file: fileResourceSchema,
  createdAt: z.iso.datetime(),
});
export type AttachmentResource = z.output<typeof attachmentResourceSchema>;
