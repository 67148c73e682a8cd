'use client';

import { useTranslations } from 'next-intl';
import type { PendingMessage } from './chat-state';

/** A message on its way: shown faded at once, with a retry (same key, stored once) if sending failed. */
export function PendingItem({ pending, onRetry }: { pending: PendingMessage; onRetry(): void }) {
  const t = useTranslations('chat');
  return (
    <li className="flex gap-3 px-3 py-2" data-testid="pending-message">
      <span className="size-9 shrink-0" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className={`whitespace-pre-wrap break-words text-sm ${pending.failed ? 'text-slate-900' : 'text-slate-500'}`}>{pending.body}</p>
        {pending.failed ? (
          <p className="mt-1 text-xs text-red-700" role="alert">
            {t('sendFailed')} · <button type="button" className="font-medium underline" onClick={onRetry}>{t('retry')}</button>
          </p>
        ) : (
          <p className="mt-1 text-xs text-slate-400">{t('sending')}</p>
        )}
      </div>
    </li>
  );
}
