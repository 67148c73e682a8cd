import type { User } from '@/db/schema';
import { userActor, type Actor } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/session';
import { isDomainError, Unauthenticated, type DomainError, type FieldErrors } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { resolveRequestLocale } from '@/lib/i18n/locale';
import { translateDomainError } from './translate-error';

/** What a server action called from client code (not a form) returns. */
export type CallResult<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldErrors };

interface CallOptions {
  /** A more specific wording of some refusals than the generic catalogue gives. */
  translateError?: (error: DomainError, locale: Locale) => { message: string; fieldErrors: FieldErrors };
}

/**
 * The sibling of `authedAction` for interactive widgets that call a server action with plain
 * arguments (a drag on the Gantt chart): authenticates, runs the service (which validates and
 * checks permissions) and turns domain errors into a translated refusal. Bugs still throw.
 */
export function authedCall<Args extends unknown[], T>(
  run: (actor: Actor, user: User, ...args: Args) => Promise<T>,
  options: CallOptions = {},
) {
  return async (...args: Args): Promise<CallResult<T>> => {
    const user = await getCurrentUser();
    try {
      if (!user) throw Unauthenticated();
      return { ok: true, data: await run(userActor(user), user, ...args) };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const locale = await resolveRequestLocale();
      return { ok: false, ...(options.translateError ?? translateDomainError)(error, locale) };
    }
  };
}
