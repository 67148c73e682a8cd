'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition, type ChangeEvent } from 'react';
import { Avatar } from '@/components/shell/avatar';
import { Button } from '@/components/ui/button';
import { AVATAR_MAX_BYTES, AVATAR_TYPES } from '@/lib/org/avatar-rules';

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string[]> };
}

/** Upload or remove one's picture; the server checks and resizes it, the page then refreshes. */
export function AvatarForm({ name, url }: { name: string; url: string | null }) {
  const t = useTranslations();
  const router = useRouter();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function send(init: RequestInit) {
    setError(null);
    startTransition(async () => {
      const response = await fetch('/api/v1/me/avatar', init).catch(() => null);
      if (!response?.ok) {
        const body = (await response?.json().catch(() => null)) as ErrorBody | null;
        setError(body?.error?.fields?.file?.[0] ?? body?.error?.message ?? t('errors.server'));
        return;
      }
      router.refresh();
    });
  }

  function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    // Checked here only to answer at once; the server checks again on the bytes.
    if (file.size > AVATAR_MAX_BYTES) return setError(t('validation.avatarTooLarge'));
    const body = new FormData();
    body.set('file', file);
    send({ method: 'PUT', body });
  }

  return (
    <div className="flex flex-wrap items-center gap-4" data-testid="avatar-form">
      <Avatar name={name} url={url} size="size-16" />
      <div className="space-y-2">
        <div className="flex flex-wrap gap-2">
          <input id={inputId} type="file" accept={AVATAR_TYPES.join(',')} className="peer sr-only" onChange={upload} disabled={pending} />
          <label
            htmlFor={inputId}
            className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 hover:bg-slate-50"
          >
            {pending ? t('common.saving') : t('settings.uploadAvatar')}
          </label>
          {url && (
            <Button variant="ghost" onClick={() => send({ method: 'DELETE' })} disabled={pending}>
              {t('settings.removeAvatar')}
            </Button>
          )}
        </div>
        <p className="text-xs text-slate-600">{t('settings.avatarHint')}</p>
        {error && (
          <p role="alert" className="text-sm text-red-700" data-testid="avatar-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
