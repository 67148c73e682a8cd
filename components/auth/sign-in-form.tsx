'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { signInSchema } from '@/lib/auth/schema';
import { signInErrorKey } from '@/lib/auth/sign-in-errors';
import { collectFieldErrors } from '@/lib/validation';
import type { FieldErrors } from '@/lib/errors';

interface SignInFormProps {
  callbackUrl: string;
  lockoutMinutes: number;
  /** An error code next-auth put in the URL (e.g. after a failed redirect sign-in). */
  initialError?: string;
  /** Pre-filled email (after accepting an invitation). */
  initialEmail?: string;
}

const noSubscription = () => () => {};

/** False during server rendering and hydration, true once React runs the form's handlers. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

export function SignInForm({ callbackUrl, lockoutMinutes, initialError, initialEmail }: SignInFormProps) {
  const t = useTranslations();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  const formMessage = (code: string) =>
    t(`auth.${signInErrorKey(code)}` as 'auth.failed', { minutes: lockoutMinutes });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    setError(undefined);
    if (!parsed.success) {
      setFieldErrors(collectFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn('credentials', { ...parsed.data, redirect: false, callbackUrl });
      if (!result || result.error) {
        setError(result?.error ?? 'failed');
        setPending(false);
        return;
      }
      // A full navigation, so the workspace renders in the user's saved language.
      window.location.assign(callbackUrl);
    } catch {
      setError('failed');
      setPending(false);
    }
  }

  const translated = (field: string) => fieldErrors[field]?.map((key) => t(`validation.${key}` as 'validation.invalid'));

  return (
    // POST and a button that waits for hydration: a submit before the script runs must never put
    // the password into the URL.
    <form onSubmit={onSubmit} method="post" noValidate className="space-y-4">
      {error && (
        <p data-testid="form-error" role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formMessage(error)}
        </p>
      )}
      <TextField
        name="email"
        type="email"
        label={t('auth.email')}
        placeholder={t('auth.emailPlaceholder')}
        autoComplete="username"
        defaultValue={initialEmail}
        inputMode="email"
        required
        errors={translated('email')}
      />
      <TextField
        name="password"
        type="password"
        label={t('auth.password')}
        autoComplete="current-password"
        required
        errors={translated('password')}
      />
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? t('auth.submitting') : t('auth.submit')}
      </Button>
    </form>
  );
}
