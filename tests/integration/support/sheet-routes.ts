import type { User } from '@/db/schema';
import { tokenOf } from './api-client';

type Handler = (request: Request, context: { params: Promise<{ spaceId: string }> }) => Promise<Response>;

/** Headers of a user's request: the user's bearer token (or the token given) and a language. */
export async function authHeaders(caller: User | string, language = 'zh-CN') {
  const token = typeof caller === 'string' ? caller : await tokenOf(caller);
  return { authorization: `Bearer ${token}`, 'accept-language': language };
}

export const routeContext = (spaceId: string) => ({ params: Promise.resolve({ spaceId }) });

/**
 * Calls a space's spreadsheet route (`/api/v1/spaces/{id}/<table>`) as a user with a bearer
 * token: `download` the .xlsx, `upload` an edited one as multipart form data.
 */
export function sheetRoutes(table: string, handlers: { GET: Handler; POST: Handler }) {
  const url = (spaceId: string) => `http://localhost/api/v1/spaces/${spaceId}/${table}`;
  return {
    url,
    async download(caller: User | string, spaceId: string) {
      return handlers.GET(new Request(url(spaceId), { headers: await authHeaders(caller) }), routeContext(spaceId));
    },
    async upload(caller: User | string, spaceId: string, bytes: Uint8Array, language = 'zh-CN') {
      const body = new FormData();
      body.set('file', new Blob([new Uint8Array(bytes)]), `${table}.xlsx`);
      const request = new Request(url(spaceId), { method: 'POST', headers: await authHeaders(caller, language), body });
      const response = await handlers.POST(request, routeContext(spaceId));
      return { status: response.status, body: await response.json() };
    },
  };
}
