import { userActor } from '@/lib/auth/actor';
import { createFolder } from '@/lib/files/manage';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

/** 新建文件夹: `{ name, parentId? }`. */
export const POST = apiRoute<{ spaceId: string }>(async ({ request, user, params }) =>
  Response.json({ folder: await createFolder(userActor(user), params.spaceId, await readJsonBody(request)) }, { status: 201 }));
