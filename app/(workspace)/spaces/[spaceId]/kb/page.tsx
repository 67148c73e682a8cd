import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageListView } from '@/components/kb/page-list-view';
import { getKbListData } from '@/lib/kb/page-data';

type Props = { params: Promise<{ spaceId: string }>; searchParams: Promise<{ q?: string; tagId?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('kb'))('title') };
}

/** The space's knowledge base: its pages as a tree, search, tag filter, and a new page. */
export default async function SpaceKbPage({ params, searchParams }: Props) {
  const { spaceId } = await params;
  const [data, t] = await Promise.all([getKbListData(spaceId, await searchParams), getTranslations('kb')]);
  return <PageListView data={data} spaceId={spaceId} intro={t('spaceIntro')} />;
}
