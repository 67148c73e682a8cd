import { z } from 'zod';
import { emailSchema } from '@/lib/org/schema';

// Client-safe: the sign-in form validates with the same schema the server uses.
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'required').max(200, 'tooLong'),
});
export type SignInInput = z.input<typeof signInSchema>;

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
