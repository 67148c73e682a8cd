import { z } from 'zod';
import { pageDocSchema } from '@/lib/rich-text/document';
import { blankToUndefined, idListSchema } from '@/lib/validation';
import { KB_TAG_COLORS, KB_TAG_NAME_MAX, KB_TAGS_PER_PAGE_MAX, KB_TEMPLATE_KEYS, KB_TITLE_MAX } from './rules';

// Inputs of the knowledge base: pages (create, save, move, restore, diff), the list's filters and
// the admins' tag sets. Forms post strings, the API JSON; both parse here.

const titleSchema = z.string('required').trim().min(1, 'required').max(KB_TITLE_MAX, 'tooLong').regex(/^[^\r\n]*$/, 'singleLine');
const tagIdsSchema = idListSchema('kbTagUnknown', KB_TAGS_PER_PAGE_MAX);
const optionalId = z.preprocess(blankToUndefined, z.uuid('kbPageUnknown').nullable().optional());

export const createPageSchema = z.object({
  title: titleSchema,
  content: pageDocSchema,
  template: z.preprocess(blankToUndefined, z.enum(KB_TEMPLATE_KEYS, 'templateUnknown').optional()),
  parentId: optionalId,
  tagIds: tagIdsSchema.optional(),
});
export type CreatePageInput = z.input<typeof createPageSchema>;

export const savePageSchema = z.object({
  title: titleSchema,
  content: pageDocSchema,
  /** Tags the page carries after the save; left out, they stay as they are. */
  tagIds: tagIdsSchema.optional(),
  /** The version the edit started from: an older one than the page's means someone saved meanwhile. */
  baseVersion: z.coerce.number('invalid').int('invalid').min(1, 'invalid'),
});
export type SavePageInput = z.input<typeof savePageSchema>;

export const movePageSchema = z.object({
  parentId: optionalId,
  /** The sibling to go before; none puts the page last. */
  beforeId: optionalId,
});
export type MovePageInput = z.input<typeof movePageSchema>;

const versionSchema = z.coerce.number('invalid').int('invalid').min(1, 'invalid');

export const restorePageSchema = z.object({ version: versionSchema });
export const diffPageSchema = z.object({ from: versionSchema, to: versionSchema });

export const listPagesSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().max(100, 'tooLong').optional()),
  tagId: z.preprocess(blankToUndefined, z.uuid('kbTagUnknown').optional()),
});
export type ListPagesInput = z.input<typeof listPagesSchema>;

const tagNameSchema = z.string('required').trim().min(1, 'required').max(KB_TAG_NAME_MAX, 'tooLong').regex(/^[^\r\n]*$/, 'singleLine');

export const tagSetSchema = z.object({ name: tagNameSchema });
export const createTagSchema = z.object({
  tagSetId: z.uuid('kbTagSetUnknown'),
  name: tagNameSchema,
  color: z.preprocess(blankToUndefined, z.enum(KB_TAG_COLORS, 'invalid').default('slate')),
});
export const updateTagSchema = z.object({
  name: tagNameSchema.optional(),
  color: z.preprocess(blankToUndefined, z.enum(KB_TAG_COLORS, 'invalid').optional()),
});
