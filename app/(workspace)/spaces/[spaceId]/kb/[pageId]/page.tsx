import type { Metadata } from 'next';
import { PageDetailView } from '@/components/kb/page-detail-view';
import { userActor } from '@/lib/auth/actor';
import { getKbPageData } from '@/lib/kb/page-data';
import { listPages } from '@/lib/kb/queries';

type Props = { params: Promise<{ spaceId: string; pageId: string }>; searchParams: Promise<{ edit?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { spaceId, pageId } = await params;
  return { title: (await getKbPageData(spaceId, pageId)).view.page.title };
}

export default async function SpaceKbPageView({ params, searchParams }: Props) {
  const { spaceId, pageId } = await params;
  const data = await getKbPageData(spaceId, pageId);
  const { pages } = await listPages(userActor(data.user), spaceId);
  return <PageDetailView data={data} editing={(await searchParams).edit === '1'} tree={pages} />;
}
