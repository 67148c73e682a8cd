import { z } from 'zod';
import { blankToUndefined, formBoolean } from '@/lib/validation';
import { COMMENT_BODY_MAX, COMMENT_TARGET_TYPES, RESPONSE_HOURS_MAX, RESPONSE_HOURS_MIN } from './rules';

// Messages are keys of the `validation` catalogue; the same schemas parse forms and API JSON.

const bodySchema = z.string('commentRequired').trim().min(1, 'commentRequired').max(COMMENT_BODY_MAX, 'commentTooLong');

export const commentTargetSchema = z.object({
  targetType: z.enum(COMMENT_TARGET_TYPES, 'commentTargetInvalid'),
  targetId: z.string('commentTargetInvalid'),
});
export type CommentTargetInput = Partial<z.input<typeof commentTargetSchema>>;

export const addCommentSchema = commentTargetSchema.extend({
  parentId: z.preprocess(blankToUndefined, z.uuid('commentUnknown').optional()),
  body: bodySchema,
});
export type AddCommentInput = Partial<z.input<typeof addCommentSchema>>;

export const editCommentSchema = z.object({ body: bodySchema });
export type EditCommentInput = Partial<z.input<typeof editCommentSchema>>;

export const commentSettingsSchema = z.object({
  responseHours: z.coerce.number('responseHoursInvalid').int('responseHoursInvalid').min(RESPONSE_HOURS_MIN, 'responseHoursInvalid').max(RESPONSE_HOURS_MAX, 'responseHoursInvalid'),
  workingHoursOnly: formBoolean.optional().default(false),
});
export type CommentSettingsInput = Partial<z.input<typeof commentSettingsSchema>>;
