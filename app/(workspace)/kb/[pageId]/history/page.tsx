import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HistoryView } from '@/components/kb/history-view';
import { getKbHistoryData } from '@/lib/kb/page-data';

type Props = { params: Promise<{ pageId: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('kb'))('history') };
}

export default async function OrgKbHistoryPage({ params, searchParams }: Props) {
  const data = await getKbHistoryData(null, (await params).pageId);
  return <div className="mx-auto max-w-5xl"><HistoryView data={data} compare={await searchParams} /></div>;
}
