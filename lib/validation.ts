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

/** Empty form fields mean "not given". */
export const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
