import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageListView } from '@/components/kb/page-list-view';
import { getKbListData } from '@/lib/kb/page-data';

type Props = { searchParams: Promise<{ q?: string; tagId?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('kb'))('orgTitle') };
}

/** The organisation's knowledge base (组织知识库): read by everyone, kept by organisation admins. */
export default async function OrgKbPage({ searchParams }: Props) {
  const [data, t] = await Promise.all([getKbListData(null, await searchParams), getTranslations('kb')]);
  return (
    <div className="mx-auto max-w-5xl space-y-2">
      <h1 className="text-2xl font-semibold text-slate-900">{t('orgTitle')}</h1>
      <PageListView data={data} spaceId={null} intro={t('orgIntro')} />
    </div>
  );
}
