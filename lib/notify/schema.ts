import { z } from 'zod';
import { isTimeZone } from '@/lib/org/schema';
import { blankToUndefined, formBoolean, idListSchema, toArray } from '@/lib/validation';
import { DIGEST_AUDIENCES, NOTIFICATION_FILTERS, WEBHOOK_KINDS } from './rules';

export const notificationListSchema = z.object({
  filter: z.preprocess(blankToUndefined, z.enum(NOTIFICATION_FILTERS, 'invalid').default('all')),
  page: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(10_000, 'invalid').default(1)),
});
export type NotificationListInput = Partial<z.input<typeof notificationListSchema>>;

export const muteSchema = z.object({ muted: formBoolean });

export const digestScheduleSchema = z.object({
  enabled: formBoolean.optional().default(true),
  timeOfDay: z.string('required').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'timeOfDayInvalid'),
  daysOfWeek: z.preprocess(toArray, z.array(z.coerce.number().int().min(1, 'invalid').max(7, 'invalid')).min(1, 'daysRequired').max(7, 'invalid')),
  timeZone: z.preprocess(blankToUndefined, z.string().refine(isTimeZone, 'timeZoneInvalid').optional()),
  audiences: z.preprocess(toArray, z.array(z.enum(DIGEST_AUDIENCES, 'invalid')).max(DIGEST_AUDIENCES.length, 'invalid')),
  departmentIds: idListSchema('departmentUnknown', 100),
}).refine((v) => v.audiences.length > 0 || v.departmentIds.length > 0, { path: ['audiences'], message: 'recipientsRequired' });
/** Forms send text, the API JSON: anything goes in, the schema decides. */
export type DigestScheduleInput = { [K in keyof z.input<typeof digestScheduleSchema>]?: unknown };

export const webhookSchema = z.object({
  kind: z.enum(WEBHOOK_KINDS, 'invalid'),
  name: z.string('required').trim().min(1, 'required').max(60, 'tooLong'),
  url: z.string('required').trim().min(1, 'required').max(2000, 'tooLong'),
  secret: z.preprocess(blankToUndefined, z.string().trim().max(200, 'tooLong').optional()),
});
export type WebhookInput = { [K in keyof z.input<typeof webhookSchema>]?: unknown };
