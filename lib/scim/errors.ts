import { isDomainError } from '@/lib/errors';
import { ERROR_SCHEMA, SCIM_CONTENT_TYPE } from './urns';

/** The `scimType` values of RFC 7644 §3.12 we answer with. */
export type ScimType =
  | 'invalidFilter' | 'invalidPath' | 'invalidSyntax' | 'invalidValue' | 'mutability' | 'noTarget' | 'uniqueness' | 'tooMany';

/** A failure the identity provider caused, answered as a SCIM Error response. */
export class ScimError extends Error {
  constructor(readonly status: number, detail: string, readonly scimType?: ScimType) {
    super(detail);
    this.name = 'ScimError';
  }
}

export const scimInvalid = (scimType: ScimType, detail: string) => new ScimError(400, detail, scimType);
export const scimNotFound = (detail = 'Resource not found') => new ScimError(404, detail);
export const scimUniqueness = (detail: string) => new ScimError(409, detail, 'uniqueness');

// Identity providers read the detail in their logs; it stays English like the SCIM vocabulary.
const DOMAIN_DETAILS: Record<string, string> = {
  emailTaken: 'userName is already taken by another user',
  lastAdmin: 'The last active organisation admin cannot be deactivated',
  departmentNotEmpty: 'The group still has sub-departments',
  notFound: 'Resource not found',
};

/** A unique index refused the write (two requests raced past the checks): Postgres error 23505. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function describeFieldErrors(fieldErrors: Record<string, string[]>): string {
  return Object.entries(fieldErrors).map(([field, keys]) => `${field}: ${keys.join(', ')}`).join('; ');
}

/** The SCIM form of any failure; bugs still become a (logged) 500 with nothing internal in it. */
export function scimErrorResponse(error: unknown): Response {
  if (error instanceof ScimError) return scimErrorBody(error.status, error.message, error.scimType);
  if (error instanceof SyntaxError) return scimErrorBody(400, 'The request body is not valid JSON', 'invalidSyntax');
  if (isDomainError(error)) {
    const detail = DOMAIN_DETAILS[error.messageKey] ?? (describeFieldErrors(error.fieldErrors) || error.messageKey);
    if (error.status === 409) return scimErrorBody(409, detail, error.messageKey === 'emailTaken' ? 'uniqueness' : undefined);
    if (error.status === 422) return scimErrorBody(400, detail, 'invalidValue');
    return scimErrorBody(error.status, detail);
  }
  if (isUniqueViolation(error)) return scimErrorBody(409, 'A unique attribute is already taken', 'uniqueness');
  console.error(error);
  return scimErrorBody(500, 'Internal server error');
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimType): Response {
  const headers: Record<string, string> = { 'content-type': SCIM_CONTENT_TYPE };
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="scim"';
  return new Response(
    JSON.stringify({ schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail }),
    { status, headers },
  );
}
