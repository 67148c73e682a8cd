import { MessagesSquare } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { listChannels } from '@/lib/chat/queries';
import { getSpacePageData } from '@/lib/spaces/page-data';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat'))('title') };
}

/** The space's chat opens on its first group chat (全员). */
export default async function ChatIndexPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const { user, space, allowed } = await getSpacePageData(spaceId);
  const [first] = await listChannels(userActor(user), space.id);
  if (first) redirect(`/spaces/${space.id}/chat/${first.id}`);
  const t = await getTranslations('chat');
  return (
    <EmptyState icon={<MessagesSquare className="size-8" aria-hidden="true" />} title={t('empty')}>
      {allowed.has('chat.manageChannels') && <Link className="text-brand-700 underline" href={`/spaces/${space.id}/chat/new`}>{t('newChannel')}</Link>}
    </EmptyState>
  );
}
