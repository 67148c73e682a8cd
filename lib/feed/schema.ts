import { z } from 'zod';
import { blankToUndefined, formBoolean } from '@/lib/validation';
import { ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX, FEED_GROUP_NAMES } from './rules';

// Messages are keys of the `validation` catalogue; the same schemas parse forms and API JSON.

/** `<ISO time>_<id>` of the last line shown: the next page starts below it. */
const cursorPattern = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/i;

export const feedListSchema = z.object({
  group: z.preprocess(blankToUndefined, z.enum(FEED_GROUP_NAMES, 'invalid').optional()),
  actorId: z.preprocess(blankToUndefined, z.uuid('userUnknown').optional()),
  before: z.preprocess(blankToUndefined, z.string().regex(cursorPattern, 'invalid').optional()),
});
export type FeedListInput = Partial<z.input<typeof feedListSchema>>;

export const announcementSchema = z.object({
  title: z.string('required').trim().min(1, 'required').max(ANNOUNCEMENT_TITLE_MAX, 'tooLong'),
  body: z.string('required').trim().min(1, 'required').max(ANNOUNCEMENT_BODY_MAX, 'tooLong'),
  pinned: formBoolean.optional().default(false),
});
export type AnnouncementInput = Partial<z.input<typeof announcementSchema>>;

export const pinSchema = z.object({ pinned: formBoolean });
