/**
 * The domain errors services throw for expected, user-caused failures. `messageKey` points into
 * the `errors` message catalogue; adapters (actions, route handlers) turn these into form errors
 * or HTTP 4xx responses. Anything else that is thrown is a bug and becomes a 500.
 */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: 'unauthenticated' | 'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'rate_limited' | 'unsupported_media_type' | 'not_implemented',
    readonly status: number,
    readonly messageKey: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(messageKey);
    this.name = 'DomainError';
  }
}

export const Unauthenticated = () => new DomainError('unauthenticated', 401, 'unauthenticated');
export const NotFound = (messageKey = 'notFound') => new DomainError('not_found', 404, messageKey);
export const Forbidden = (messageKey = 'forbidden') => new DomainError('forbidden', 403, messageKey);
export const Invalid = (fieldErrors: FieldErrors, messageKey = 'invalid') =>
  new DomainError('invalid', 422, messageKey, fieldErrors);
export const Conflict = (messageKey = 'conflict', fieldErrors: FieldErrors = {}) =>
  new DomainError('conflict', 409, messageKey, fieldErrors);

/**
 * One problem of an uploaded table: the spreadsheet row number, the column's header, and a full
 * catalogue key (e.g. `taskTable.problems.dateInvalid`) with the values its message names.
 */
export interface RowProblem {
  row: number;
  column: string;
  messageKey: string;
  values?: Record<string, string | number>;
}

/** `Invalid` for a table: every problem with its row and column, so people fix them all in one go. */
export class InvalidRowsError extends DomainError {
  constructor(readonly rows: RowProblem[], messageKey: string) {
    super('invalid', 422, messageKey);
    this.name = 'InvalidRowsError';
  }
}

export const InvalidRows = (rows: RowProblem[], messageKey = 'invalid') => new InvalidRowsError(rows, messageKey);

/** The server lacks what the request needs (e.g. a font for a PDF): nothing the user can fix by retrying. */
export const NotImplemented = (messageKey: string) => new DomainError('not_implemented', 501, messageKey);

export const UnsupportedMediaType = () => new DomainError('unsupported_media_type', 415, 'unsupportedMediaType');

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export const RateLimited = (messageKey = 'rateLimited') => new DomainError('rate_limited', 429, messageKey);
