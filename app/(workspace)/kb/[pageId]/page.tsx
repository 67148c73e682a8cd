import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageDetailView } from '@/components/kb/page-detail-view';
import { userActor } from '@/lib/auth/actor';
import { getKbPageData } from '@/lib/kb/page-data';
import { listPages } from '@/lib/kb/queries';

type Props = { params: Promise<{ pageId: string }>; searchParams: Promise<{ edit?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getKbPageData(null, (await params).pageId)).view.page.title };
}

export default async function OrgKbPageView({ params, searchParams }: Props) {
  const data = await getKbPageData(null, (await params).pageId);
  const [{ pages }, t] = await Promise.all([listPages(userActor(data.user), null), getTranslations('kb')]);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link href="/kb" className="text-sm text-brand-700 hover:underline">{t('orgTitle')}</Link>
      <PageDetailView data={data} editing={(await searchParams).edit === '1'} tree={pages} />
    </div>
  );
}
