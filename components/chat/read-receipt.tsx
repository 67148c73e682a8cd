'use client';

import { CheckCheck } from 'lucide-react';
import { useTranslations } from 'next-intl';

interface Person {
  id: string;
  name: string;
}

/** "3 人已读 / 2 人未读" under one's own message; opening it lists who has and who has not. */
export function ReadReceipt({ read, unread }: { read: readonly Person[]; unread: readonly Person[] }) {
  const t = useTranslations('chat');
  if (!read.length && !unread.length) return null;
  return (
    <details className="relative" data-testid="read-receipt">
      <summary className={`inline-flex cursor-pointer list-none items-center gap-1 ${unread.length ? 'text-slate-500' : 'text-brand-700'}`}>
        <CheckCheck className="size-3.5" aria-hidden="true" />
        {unread.length ? t('readReceipt', { read: read.length, unread: unread.length }) : t('allRead')}
      </summary>
      <div className="absolute left-0 z-10 mt-1 grid w-64 grid-cols-2 gap-3 rounded-md border border-slate-200 bg-white p-3 shadow-lg" role="dialog" aria-label={t('receiptTitle')}>
        {([['readers', read], ['notReaders', unread]] as const).map(([label, people]) => (
          <div key={label}>
            <p className="mb-1 text-xs font-medium text-slate-600">{t(label)} · {people.length}</p>
            <ul className="max-h-48 space-y-1 overflow-auto text-sm text-slate-800" data-testid={`receipt-${label}`}>
              {people.map((person) => <li key={person.id}>{person.name}</li>)}
            </ul>
          </div>
        ))}
      </div>
    </details>
  );
}
