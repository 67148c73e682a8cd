import { z } from 'zod';

/**
 * A text field of a platform's answer that may be missing, null, empty or of another type: the
 * trimmed text, else null. One odd field must not fail a sign-in or a page of contacts.
 */
export const optionalText = z.string().trim().optional().nullable().catch(undefined).transform((v) => v || null);
