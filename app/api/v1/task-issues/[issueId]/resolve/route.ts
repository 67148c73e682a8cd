import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { resolveTaskIssue } from '@/lib/tasks/issues';
import { toTaskIssueResource } from '@/lib/tasks/resources';

export const dynamic = 'force-dynamic';

/** Records how an issue-tracking entry was resolved; the last one of a blocked task puts it back in progress. */
export const POST = apiRoute<{ issueId: string }>(async ({ request, user, params }) => ({
  issue: toTaskIssueResource(await resolveTaskIssue(userActor(user), params.issueId, await readJsonBody(request))),
}));
