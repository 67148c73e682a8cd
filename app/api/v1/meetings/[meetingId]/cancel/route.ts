import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { getMeeting } from '@/lib/meetings/queries';
import { toMeetingResource } from '@/lib/meetings/resources';
import { cancelMeeting } from '@/lib/meetings/service';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ meetingId: string }>(async ({ user, params }) => {
  const actor = userActor(user);
  await cancelMeeting(actor, params.meetingId);
  return { meeting: toMeetingResource(await getMeeting(actor, params.meetingId)) };
});
