import { cache } from 'react';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { loadOrNotFound } from '@/lib/http/page-data';
import { getSpace } from './queries';

/** The signed-in user and the space a page shows, read once per request (layout and page share it). */
export const getSpacePageData = cache(async (spaceId: string) => {
  const user = await requireUser(`/spaces/${spaceId}`);
  const data = await loadOrNotFound(() => getSpace(userActor(user), spaceId));
  return { user, ...data };
});
