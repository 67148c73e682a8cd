import { z } from 'zod';
import { Invalid, type FieldErrors } from './errors';

/** Every field error of a failed parse, keyed by field path. Messages are catalogue keys. */
export function collectFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** Parses input with a zod schema or throws `Invalid` with all field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw Invalid(collectFieldErrors(result.error));
  return result.data;
}

const uuidSchema = z.uuid();

/** Ids come from URLs and forms; a malformed one names nothing (404), it is not a server error. */
export function isUuid(value: unknown): value is string {
  return uuidSchema.safeParse(value).success;
}

/** A form field read as text; a missing or non-text field is the empty string (ids from it then name nothing). */
export const formText = (value: unknown) => (typeof value === 'string' ? value : '');

/** Empty form fields mean "not given". */
export const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Forms post lists of rows as one JSON field; the API sends the array itself (bad JSON is left for the schema to refuse). */
export const jsonList = (value: unknown) => {
  if (typeof value !== 'string') return value;
  if (!value.trim()) return [];
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** A form sends one value for a single choice and none for no choice; the API sends arrays. */
export const toArray = (value: unknown) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

export const isoDateSchema = z.iso.date('dateInvalid');

/** A checkbox or select posts 'on'/'true'/'false'; JSON sends a boolean. */
export const formBoolean = z.preprocess((v) => (v === 'true' || v === 'on' ? true : v === 'false' ? false : v), z.boolean('invalid'));

// `max` stops an oversized list before its items are parsed (and the rest of the form with it);
// rules about the count that should be reported with other errors are refinements instead.
export const idListSchema = (unknownKey: string, max: number, min?: { count: number; key: string }) =>
  z.preprocess(toArray, z.array(z.uuid(unknownKey)).max(max, 'tooMany').min(min?.count ?? 0, min?.key));
