'use client';

import { Star } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { starAction } from '@/lib/files/actions';

/** 标星 / 取消标星 for one file, for the viewer only. */
export function StarToggle({ fileId, starred, name }: { fileId: string; starred: boolean; name: string }) {
  const t = useTranslations('files');
  const [, formAction, pending] = useActionState(starAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="fileId" value={fileId} />
      <input type="hidden" name="starred" value={String(!starred)} />
      <button
        type="submit"
        disabled={pending}
        aria-pressed={starred}
        aria-label={starred ? t('unstarNamed', { name }) : t('starNamed', { name })}
        title={starred ? t('unstar') : t('star')}
        className="inline-flex size-9 items-center justify-center rounded-md hover:bg-slate-100 disabled:opacity-50"
        data-testid="star-toggle"
      >
        <Star className={`size-5 ${starred ? 'fill-amber-400 text-amber-500' : 'text-slate-400'}`} aria-hidden="true" />
      </button>
    </form>
  );
}
