import type { DomainError, FieldErrors } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/messages';

/** A domain error's message and field errors in the user's language (they hold catalogue keys). */
export function translateDomainError(error: DomainError, locale: Locale): { message: string; fieldErrors: FieldErrors } {
  const t = translatorFor(locale);
  const fieldErrors: FieldErrors = {};
  for (const [field, keys] of Object.entries(error.fieldErrors)) {
    fieldErrors[field] = keys.map((key) => t(`validation.${key}` as 'validation.invalid'));
  }
  return { message: t(`errors.${error.messageKey}` as 'errors.invalid'), fieldErrors };
}
