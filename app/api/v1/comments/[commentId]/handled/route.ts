import { userActor } from '@/lib/auth/actor';
import { markHandled } from '@/lib/comments/service';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** 处理完毕: the caller, whom the comment waits for, needs to write no answer. */
export const POST = apiRoute<{ commentId: string }>(async ({ user, params }) => {
  await markHandled(userActor(user), params.commentId);
  return new Response(null, { status: 204 });
});
