import { z } from 'zod';
import { blankToUndefined, isoDateSchema } from '@/lib/validation';

/** What global search finds. */
export const SEARCH_TYPES = ['page', 'task', 'file', 'message'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Results a page shows at most, and how deep "more" goes (the ranking is merged in the app). */
export const SEARCH_PAGE_MAX = 50;
export const SEARCH_DEPTH_MAX = 500;

export const globalSearchSchema = z.object({
  q: z.string('required').trim().min(1, 'required').max(100, 'tooLong'),
  type: z.preprocess(blankToUndefined, z.enum(SEARCH_TYPES, 'invalid').optional()),
  spaceId: z.preprocess(blankToUndefined, z.uuid('invalid').optional()),
  /** A knowledge-base tag: only pages carrying it. */
  tagId: z.preprocess(blankToUndefined, z.uuid('invalid').optional()),
  /** Last changed on or after this day (the reader's time zone). */
  from: z.preprocess(blankToUndefined, isoDateSchema.optional()),
  /** Last changed on or before this day. */
  to: z.preprocess(blankToUndefined, isoDateSchema.optional()),
  /** The previous page's `nextCursor`. */
  cursor: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').min(0, 'invalid').max(SEARCH_DEPTH_MAX, 'invalid').optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(SEARCH_PAGE_MAX, 'invalid').default(20)),
}).refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'endBeforeStart' });
export type GlobalSearchInput = Partial<z.input<typeof globalSearchSchema>>;
