import { MessageSquareReply } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AwaitingList } from '@/components/comments/awaiting-list';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { listMyAwaiting } from '@/lib/comments/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('awaiting'))('title') };
}

/** 待回复: the comments across every space waiting for the signed-in person's answer, overdue first. */
export default async function AwaitingPage() {
  const user = await requireUser('/awaiting');
  const now = new Date();
  const [t, items] = await Promise.all([getTranslations('awaiting'), listMyAwaiting(userActor(user), now)]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      {items.length ? <AwaitingList items={items} now={now} /> : <EmptyState icon={<MessageSquareReply className="size-8" aria-hidden="true" />} title={t('empty')} />}
    </div>
  );
}
