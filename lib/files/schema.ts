import { z } from 'zod';
import { blankToUndefined } from '@/lib/validation';
import { ATTACHMENT_TARGETS, safeFileName } from './rules';

/** What a form or request may send: any field, of any type, until the schema has parsed it. */
type Loose<T> = { [K in keyof T]?: unknown };

// Messages are keys of the `validation` catalogue. The same schemas parse forms, API JSON and the
// query string of an upload, and document the API (lib/api/openapi-files.ts).

/** A file or folder name as sent; stored in its safe form (see safeFileName). */
export const fileNameSchema = z
  .string('required')
  .max(1000, 'tooLong')
  .transform((value, ctx) => {
    const safe = safeFileName(value);
    if (!safe) {
      ctx.addIssue({ code: 'custom', message: 'fileNameInvalid' });
      return z.NEVER;
    }
    return safe;
  });

const folderField = z.preprocess(blankToUndefined, z.uuid('folderUnknown').nullable().optional());
const noteField = z.preprocess(blankToUndefined, z.string().trim().max(500, 'tooLong').nullable().optional());

/** The query string of an upload: where it goes, under which name, and an optional version note. */
export const uploadSchema = z.object({
  name: fileNameSchema,
  folderId: folderField,
  note: noteField,
  /** A name already in the folder: add a version (the default), or keep both under a free name. */
  conflict: z.preprocess(blankToUndefined, z.enum(['version', 'rename'], 'invalid').default('version')),
});
export type UploadInput = Loose<z.input<typeof uploadSchema>>;

export const folderSchema = z.object({ name: fileNameSchema, parentId: folderField });
export type FolderInput = Loose<z.input<typeof folderSchema>>;

export const renameSchema = z.object({ name: fileNameSchema });

/** Where to move a file or folder: a folder of the same space, or the top (null). */
export const moveSchema = z.object({ folderId: folderField });

export const attachSchema = z.object({
  targetType: z.enum(ATTACHMENT_TARGETS, 'attachmentTargetInvalid'),
  targetId: z.uuid('attachmentTargetUnknown'),
});

export const listSchema = z.object({
  folderId: folderField,
  starred: z.preprocess((v) => v === '1' || v === 'true' || v === true, z.boolean()).optional(),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100, 'tooLong').optional()),
});
export type ListInput = Loose<z.input<typeof listSchema>>;
