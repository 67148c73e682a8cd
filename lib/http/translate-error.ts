import type { DomainError, FieldErrors, RowProblem } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/messages';

// A bare key lives in the shared `errors`/`validation` catalogues; a dotted one names its feature's
// namespace (e.g. `taskTable.problems.sheetUnreadable`), so features keep their messages together.
const catalogueKey = (namespace: 'errors' | 'validation', key: string) =>
  (key.includes('.') ? key : `${namespace}.${key}`) as 'errors.invalid';

/** A domain error's message and field errors in the user's language (they hold catalogue keys). */
export function translateDomainError(error: DomainError, locale: Locale): { message: string; fieldErrors: FieldErrors } {
  const t = translatorFor(locale);
  const fieldErrors: FieldErrors = {};
  for (const [field, keys] of Object.entries(error.fieldErrors)) {
    fieldErrors[field] = keys.map((key) => t(catalogueKey('validation', key)));
  }
  return { message: t(catalogueKey('errors', error.messageKey)), fieldErrors };
}

/** The problems of an uploaded table as `{ row, column, message }` in the user's language. */
export function translateRowProblems(rows: readonly RowProblem[], locale: Locale): { row: number; column: string; message: string }[] {
  const t = translatorFor(locale);
  return rows.map(({ row, column, messageKey, values }) => ({ row, column, message: t(messageKey as 'errors.invalid', values) }));
}
