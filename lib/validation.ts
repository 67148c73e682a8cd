import type { z } from 'zod';
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
