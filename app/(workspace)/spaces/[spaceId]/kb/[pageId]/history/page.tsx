import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HistoryView } from '@/components/kb/history-view';
import { getKbHistoryData } from '@/lib/kb/page-data';

type Props = { params: Promise<{ spaceId: string; pageId: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('kb'))('history') };
}

export default async function SpaceKbHistoryPage({ params, searchParams }: Props) {
  const { spaceId, pageId } = await params;
  return <HistoryView data={await getKbHistoryData(spaceId, pageId)} compare={await searchParams} />;
}
