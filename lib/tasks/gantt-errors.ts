import type { DomainError, FieldErrors } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/messages';

/**
 * A refused move on the Gantt chart in one sentence. There is no form to mark fields on, so the
 * field messages become the message: a scheduling rule in words of its own (`gantt.errors`),
 * other field keys from `validation`; without field errors, the general message.
 */
export function translateScheduleError(error: DomainError, locale: Locale): { message: string; fieldErrors: FieldErrors } {
  const t = translatorFor(locale);
  const say = (key: string) =>
    t.has(`gantt.errors.${key}` as 'gantt.errors.dueBeforeStart')
      ? t(`gantt.errors.${key}` as 'gantt.errors.dueBeforeStart')
      : t(`validation.${key}` as 'validation.invalid');
  const fieldErrors: FieldErrors = {};
  for (const [field, keys] of Object.entries(error.fieldErrors)) fieldErrors[field] = keys.map(say);
  const details = [...new Set(Object.values(fieldErrors).flat())];
  return { message: details.length ? details.join(' ') : t(`errors.${error.messageKey}` as 'errors.invalid'), fieldErrors };
}
