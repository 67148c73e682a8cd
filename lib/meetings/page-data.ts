import { notFound } from 'next/navigation';
import { cache } from 'react';
import { userActor } from '@/lib/auth/actor';
import { loadOrNotFound } from '@/lib/http/page-data';
import { timeZoneOf } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { getMeeting } from './queries';

/** A meeting of the space a page shows (404 when it is not in that space or not the visitor's to see). */
export const getMeetingPageData = cache(async (spaceId: string, meetingId: string) => {
  const spaceData = await getSpacePageData(spaceId);
  const view = await loadOrNotFound(() => getMeeting(userActor(spaceData.user), meetingId));
  if (view.meeting.spaceId !== spaceData.space.id) notFound();
  return { ...spaceData, view, timeZone: timeZoneOf(spaceData.user) };
});
