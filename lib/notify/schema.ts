import { z } from 'zod';
import { blankToUndefined, formBoolean } from '@/lib/validation';
import { NOTIFICATION_FILTERS } from './rules';

export const notificationListSchema = z.object({
  filter: z.preprocess(blankToUndefined, z.enum(NOTIFICATION_FILTERS, 'invalid').default('all')),
  page: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(10_000, 'invalid').default(1)),
});
export type NotificationListInput = Partial<z.input<typeof notificationListSchema>>;

export const muteSchema = z.object({ muted: formBoolean });
