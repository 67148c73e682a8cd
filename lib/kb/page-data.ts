import { notFound } from 'next/navigation';
import { cache } from 'react';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { loadOrNotFound } from '@/lib/http/page-data';
import { timeZoneOf } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { getPage, listPages, listRevisions, type PageListItem } from './queries';
import { listTagSets } from './tags';

/** The visitor of a knowledge-base page: a space's (read through the space layout's data) or the organisation's. */
const visitor = (spaceId: string | null, returnTo: string) => (spaceId ? getSpacePageData(spaceId).then((d) => d.user) : requireUser(returnTo));

const basePath = (spaceId: string | null) => (spaceId ? `/spaces/${spaceId}/kb` : '/kb');

/** The list page: the matches of its search and tag filter, and every page for the tree beside them. */
export async function getKbListData(spaceId: string | null, query: { q?: string; tagId?: string }) {
  const user = await visitor(spaceId, basePath(spaceId));
  const actor = userActor(user);
  const filters = { q: query.q?.trim() || undefined, tagId: query.tagId || undefined };
  const [listing, tagSets] = await Promise.all([
    loadOrNotFound(() => listPages(actor, spaceId, filters)),
    listTagSets(actor, user.organizationId),
  ]);
  const all: PageListItem[] = listing.filtered ? (await listPages(actor, spaceId)).pages : listing.pages;
  return { user, base: basePath(spaceId), ...listing, filters, all, tagSets, timeZone: timeZoneOf(user) };
}

/** One page where the URL says it lives (a space's page under another space, or the org's, is 404). */
export const getKbPageData = cache(async (spaceId: string | null, pageId: string) => {
  const user = await visitor(spaceId, `${basePath(spaceId)}/${pageId}`);
  const view = await loadOrNotFound(() => getPage(userActor(user), pageId));
  if (view.page.spaceId !== spaceId) notFound();
  return { user, view, base: basePath(spaceId), timeZone: timeZoneOf(user) };
});

export async function getKbHistoryData(spaceId: string | null, pageId: string) {
  const data = await getKbPageData(spaceId, pageId);
  const { revisions } = await listRevisions(userActor(data.user), pageId);
  return { ...data, revisions };
}
