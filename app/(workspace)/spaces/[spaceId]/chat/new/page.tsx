import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ChannelForm } from '@/components/chat/channel-form';
import { pinyinKey } from '@/lib/org/people';
import { getSpacePageData } from '@/lib/spaces/page-data';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat'))('newChannel') };
}

/** Opening a group chat (space admins and owners; the service checks again). */
export default async function NewChannelPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const [{ space, allowed, departments, members }, t] = await Promise.all([getSpacePageData(spaceId), getTranslations('chat')]);
  if (!allowed.has('chat.manageChannels')) notFound();
  const people = members.map((m) => ({
    id: m.userId, name: m.name, email: m.email, departmentName: m.departmentName,
    searchKey: `${m.name} ${m.email} ${pinyinKey(m.name)}`.toLowerCase(),
  }));
  return (
    <section className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="new-channel-title">
      <h2 id="new-channel-title" className="text-lg font-semibold text-slate-900">{t('newChannel')}</h2>
      <ChannelForm spaceId={space.id} departments={departments} people={people} />
    </section>
  );
}
