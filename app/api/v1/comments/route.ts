import { userActor } from '@/lib/auth/actor';
import { listComments } from '@/lib/comments/queries';
import { addComment } from '@/lib/comments/service';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

/** `?targetType=task|file&targetId=`: the comments on it as threads, with whom each waits for. */
export const GET = apiRoute(async ({ request, user }) => {
  const query = new URL(request.url).searchParams;
  const listing = await listComments(userActor(user), { targetType: query.get('targetType') as 'task', targetId: query.get('targetId') ?? '' }, new Date());
  return { comments: listing.threads, names: listing.names, responseRule: listing.rule };
});

/** `{ targetType, targetId, parentId?, body }`: comments on a task or file; mentioned members and the assignee are asked to answer. */
export const POST = apiRoute(async ({ request, user }) => {
  const comment = await addComment(userActor(user), await readJsonBody(request));
  return Response.json({ comment }, { status: 201 });
});
