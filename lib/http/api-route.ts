import type { User } from '@/db/schema';
import { getRequestUser } from '@/lib/auth/session';
import { InvalidRowsError, isDomainError, Unauthenticated } from '@/lib/errors';
import { isLocale, negotiateLocale, type Locale } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/messages';
import { translateDomainError, translateRowProblems } from './translate-error';

export interface ApiContext<P> {
  request: Request;
  user: User;
  params: P;
}

type RouteContext<P> = { params: Promise<P> };

/** The language of an API answer: the user's own, else what the client asks for. */
export function localeFor(request: Request, user: User | null): Locale {
  return isLocale(user?.locale) ? user.locale : negotiateLocale(request.headers.get('accept-language'));
}

/**
 * The JSON error body every API route returns: `{ error: { code, message, fields?, rows? } }`
 * (fields: messages by field; rows: `{ row, column, message }` for an uploaded table).
 */
export function errorResponse(error: unknown, locale: Locale): Response {
  const t = translatorFor(locale);
  if (isDomainError(error)) {
    const { message, fieldErrors } = translateDomainError(error, locale);
    const body = {
      error: {
        code: error.code,
        message,
        ...(Object.keys(fieldErrors).length ? { fields: fieldErrors } : {}),
        ...(error instanceof InvalidRowsError ? { rows: translateRowProblems(error.rows, locale) } : {}),
      },
    };
    return Response.json(body, { status: error.status });
  }
  if (error instanceof SyntaxError) {
    return Response.json({ error: { code: 'invalid_json', message: t('errors.invalid') } }, { status: 400 });
  }
  console.error(error);
  return Response.json({ error: { code: 'internal', message: t('errors.server') } }, { status: 500 });
}

// Answers are the caller's own data: never stored by caches, and not recompressed on the way
// (small JSON gains little from it, and it costs every request).
const API_CACHE_CONTROL = 'private, no-store, no-transform';

/** The API's cache rule on a response that does not set its own (downloads and the event stream do). */
function withApiHeaders(response: Response): Response {
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', API_CACHE_CONTROL);
  return response;
}

/**
 * Wraps a REST route handler: authenticates (bearer token or session) before anything else,
 * runs the handler, and maps domain errors to HTTP status codes with a JSON body.
 */
export function apiRoute<P = object>(handler: (context: ApiContext<P>) => Promise<unknown>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let user: User | null = null;
    try {
      user = await getRequestUser(request);
      if (!user) throw Unauthenticated();
      const result = await handler({ request, user, params: await context.params });
      return withApiHeaders(result instanceof Response ? result : Response.json(result));
    } catch (error) {
      return withApiHeaders(errorResponse(error, localeFor(request, user)));
    }
  };
}
