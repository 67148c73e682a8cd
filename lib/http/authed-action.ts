import { revalidatePath } from 'next/cache';
import type { User } from '@/db/schema';
import { userActor, type Actor } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/session';
import { isDomainError, Unauthenticated, type FieldErrors } from '@/lib/errors';
import { resolveRequestLocale } from '@/lib/i18n/locale';
import { translatorFor } from '@/lib/i18n/messages';
import { translateDomainError } from './translate-error';

/** What every form action returns; forms show `message` and each field's errors under it. */
export type ActionState<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors: FieldErrors; values: Record<string, string> }
  | null;

// Never sent back to the browser, even to refill a rejected form.
const SECRET_FIELD = /password|token|secret/i;

/** The submitted text fields, so a rejected form shows what the user typed instead of losing it. */
function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !SECRET_FIELD.test(key) && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = formData.getAll(key);
    object[key] = all.length > 1 ? all : all[0];
  }
  return object;
}

interface ActionOptions {
  /** Path to revalidate after success ('layout' scope), so every page shows the change at once. */
  revalidate?: string;
  /** Catalogue key (in `messages`) of the message shown after success. */
  successMessage?: string;
}

function wrapAction<T>(
  run: (input: Record<string, unknown>, user: User | null) => Promise<T>,
  options: ActionOptions,
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const user = await getCurrentUser();
    const locale = await resolveRequestLocale();
    try {
      const data = await run(formDataToObject(formData), user);
      if (options.revalidate) revalidatePath(options.revalidate, 'layout');
      const message = options.successMessage
        ? translatorFor(locale)(options.successMessage as 'common.loading')
        : undefined;
      return { ok: true, data, message };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return { ok: false, ...translateDomainError(error, locale), values: submittedValues(formData) };
    }
  };
}

/**
 * The one wrapper for form actions: authenticates, hands the form's fields to a service (which
 * validates with zod and checks permissions), and turns domain errors into translated form errors
 * with all field errors. Anything else is a bug and propagates to the error page.
 */
export function authedAction<T>(
  run: (actor: Actor, input: Record<string, unknown>, user: User) => Promise<T>,
  options: ActionOptions = {},
) {
  return wrapAction((input, user) => {
    if (!user) throw Unauthenticated();
    return run(userActor(user), input, user);
  }, options);
}

/** The same for the few forms people use before they can sign in (accepting an invitation). */
export function publicAction<T>(run: (input: Record<string, unknown>) => Promise<T>, options: ActionOptions = {}) {
  return wrapAction((input) => run(input), options);
}
