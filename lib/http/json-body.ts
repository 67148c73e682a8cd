import { Invalid, UnsupportedMediaType } from '@/lib/errors';

/**
 * The JSON object sent with a POST or PATCH. Another content type is 415; malformed JSON throws a
 * SyntaxError, which the API wrapper answers with 400; anything but an object is 422.
 */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw UnsupportedMediaType();
  const text = await request.text();
  const body: unknown = text.trim() ? JSON.parse(text) : {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw Invalid({ _body: ['objectExpected'] });
  return body as Record<string, unknown>;
}
