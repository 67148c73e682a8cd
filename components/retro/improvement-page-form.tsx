'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/authed-action';

interface ImprovementPageFormProps {
  spaceId: string;
  improvementId: string;
  action: (state: ActionState<number>, formData: FormData) => Promise<ActionState<number>>;
}

/** 转为知识库页面: the improvement becomes a page of the space's knowledge base, to be written up there. */
export function ImprovementPageForm({ spaceId, improvementId, action }: ImprovementPageFormProps) {
  const t = useTranslations('retro');
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="improvementId" value={improvementId} />
      <button type="submit" disabled={pending} className="min-h-9 rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-50" data-testid="improvement-to-page">
        {t('toPage')}
      </button>
      {state && !state.ok && <p role="status" className="w-full text-sm text-red-700">{[state.message, ...Object.values(state.fieldErrors).flat()].join(' ')}</p>}
    </form>
  );
}
