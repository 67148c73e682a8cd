import { appBaseUrl } from '@/lib/app-url';
import { scimErrorBody, scimErrorResponse, scimInvalid } from './errors';
import { authenticateScimRequest, type ScimClient } from './tokens';
import { SCIM_CONTENT_TYPE } from './urns';

export interface ScimContext<P> {
  request: Request;
  client: ScimClient;
  params: P;
}

/** The address identity providers are given: `{app}/scim/v2`. */
export function scimBaseUrl(): string {
  return `${appBaseUrl()}/scim/v2`;
}

/**
 * Wraps a SCIM route handler: the bearer token first (401 SCIM error without a valid one), then
 * the handler; every failure is answered as a SCIM Error response.
 */
export function scimRoute<P = object>(handler: (context: ScimContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const client = await authenticateScimRequest(request.headers.get('authorization'));
      if (!client) return scimErrorBody(401, 'A valid SCIM bearer token is required');
      return await handler({ request, client, params: await context.params });
    } catch (error) {
      return scimErrorResponse(error);
    }
  };
}

/** A SCIM JSON answer; resources carry their version as the ETag header. */
export function scimResponse(body: unknown, init: { status?: number; location?: string; etag?: string } = {}): Response {
  const headers: Record<string, string> = { 'content-type': SCIM_CONTENT_TYPE, 'cache-control': 'no-store' };
  if (init.location) headers.location = init.location;
  if (init.etag) headers.etag = init.etag;
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** The JSON object of a POST/PUT/PATCH; SCIM clients send application/scim+json or application/json. */
export async function readScimBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (type && !/^application\/(scim\+)?json\b/i.test(type)) {
    throw scimInvalid('invalidSyntax', 'Content-Type must be application/scim+json');
  }
  const body: unknown = JSON.parse((await request.text()) || 'null');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw scimInvalid('invalidSyntax', 'The request body must be a JSON object');
  return body as Record<string, unknown>;
}
