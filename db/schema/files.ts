import { type AnyPgColumn, bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, tsvector, updatedAt } from './columns';
import { users } from './org';
import { spaces } from './spaces';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { ATTACHMENT_TARGETS, PREVIEW_KINDS } from '../../lib/files/rules';

export { ATTACHMENT_TARGETS, PREVIEW_KINDS, type AttachmentTarget, type PreviewKind } from '../../lib/files/rules';

// A folder or file at the top of the library has no parent; unique names need one value for "none".
const ROOT = sql`'00000000-0000-0000-0000-000000000000'::uuid`;

/** A folder of a space's file library. Deleted folders wait in the recycle bin with their contents. */
export const fileFolders = pgTable(
  'file_folders',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => fileFolders.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('file_folders_space_id_idx').on(t.spaceId),
    uniqueIndex('file_folders_name_idx').on(t.spaceId, sql`coalesce(${t.parentId}, ${ROOT})`, sql`lower(${t.name})`).where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * A file of the library: a name in a folder, pointing at its newest version. Uploading the same
 * name into the same folder adds a version instead of a second file.
 */
export const files = pgTable(
  'files',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    folderId: uuid().references(() => fileFolders.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    currentVersionId: uuid().references((): AnyPgColumn => fileVersions.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp({ withTimezone: true }),
    deletedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Name and the current version's text, normalised (lib/search): global search checks hits against it. */
    searchText: text(),
    searchVector: tsvector(),
    /** The title's (name's) own vector: title hits, which rank first, found without reading the rest. */
    titleVector: tsvector(),
  },
  (t) => [
    index('files_space_id_folder_id_idx').on(t.spaceId, t.folderId),
    index('files_search_vector_idx').using('gin', t.searchVector),
    index('files_title_vector_idx').using('gin', t.titleVector),
    // Newest first within a space: the order global search walks a common word's hits in.
    index('files_space_id_updated_at_idx').on(t.spaceId, t.updatedAt),
    uniqueIndex('files_name_idx').on(t.spaceId, sql`coalesce(${t.folderId}, ${ROOT})`, sql`lower(${t.name})`).where(sql`${t.deletedAt} is null`),
  ],
);

/** One upload of a file's bytes. The bytes live in the file storage under `storageKey`. */
export const fileVersions = pgTable(
  'file_versions',
  {
    id: id(),
    fileId: uuid().notNull().references((): AnyPgColumn => files.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    storageKey: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    /** Sniffed from the bytes, never taken from the name or the uploader. */
    mime: text().notNull(),
    kind: text({ enum: PREVIEW_KINDS }).notNull(),
    note: text(),
    /** Set when this version restored an older one: that version's number. */
    restoredFrom: integer(),
    /** Text pulled from a docx, xlsx, pdf or text file for search (capped); null when it has none. */
    extractedText: text(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('file_versions_file_id_number_idx').on(t.fileId, t.number)],
);

/** A version's preview, made once on first view (JSON of lib/files/preview). */
export const filePreviews = pgTable('file_previews', {
  versionId: uuid().primaryKey().references(() => fileVersions.id, { onDelete: 'cascade' }),
  preview: jsonb().notNull(),
  createdAt: createdAt(),
});

/** 重要文件标星: a person's starred files. */
export const fileStars = pgTable(
  'file_stars',
  {
    fileId: uuid().notNull().references(() => files.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.userId] }), index('file_stars_user_id_idx').on(t.userId)],
);

/** A library file attached to a task, message, meeting or comment of the same space. */
export const fileAttachments = pgTable(
  'file_attachments',
  {
    id: id(),
    fileId: uuid().notNull().references(() => files.id, { onDelete: 'cascade' }),
    targetType: text({ enum: ATTACHMENT_TARGETS }).notNull(),
    targetId: uuid().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('file_attachments_target_file_idx').on(t.targetType, t.targetId, t.fileId),
    index('file_attachments_file_id_idx').on(t.fileId),
  ],
);

export type FileFolder = typeof fileFolders.$inferSelect;
export type FileRow = typeof files.$inferSelect;
export type FileVersion = typeof fileVersions.$inferSelect;
