import { userActor } from '@/lib/auth/actor';
import { markChannelRead } from '@/lib/chat/messages';
import { markReadSchema } from '@/lib/chat/schema';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { parseInput } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/** Marks the channel read up to `lastReadSeq` (never back); others see it in read receipts. */
export const POST = apiRoute<{ channelId: string }>(async ({ request, user, params }) => {
  const { lastReadSeq } = parseInput(markReadSchema, await readJsonBody(request));
  return markChannelRead(userActor(user), params.channelId, lastReadSeq);
});
