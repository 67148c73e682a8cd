import type { User } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { localeFor } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { getPage, listPages } from './queries';
import { toPageListItem, toPageResource } from './resources';
import { createPage } from './service';

// What the page-list routes of a space's and of the organisation's knowledge base share.

export async function listPagesAnswer(request: Request, user: User, spaceId: string | null) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { pages } = await listPages(userActor(user), spaceId, query);
  return { data: pages.map(toPageListItem) };
}

export async function createPageAnswer(request: Request, user: User, spaceId: string | null) {
  const actor = userActor(user);
  const page = await createPage(actor, spaceId, await readJsonBody(request), localeFor(request, user));
  return Response.json({ page: toPageResource(await getPage(actor, page.id)) }, { status: 201 });
}
