import { userActor } from '@/lib/auth/actor';
import { applyFromApi } from '@/lib/directory/api';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

/** Applies a sync (org admins); the file source applies a previewed upload: `{ "previewRunId": "…" }`. */
export const POST = apiRoute<{ source: string }>(async ({ request, user, params }) =>
  applyFromApi(userActor(user), user.organizationId, params.source, () => readJsonBody(request)));
