import { z } from 'zod';

// The pieces every part of the OpenAPI document is made of: references, JSON bodies, the error
// answers, path and query parameters.

export const componentRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
export const json = (schema: object) => ({ content: { 'application/json': { schema } } });
export const problem = (description: string) => ({ description, ...json(componentRef('Error')) });
export const common = {
  '401': problem('Not signed in: no valid bearer token or session.'),
  '404': problem('Not found, or not visible to the caller (outsiders never learn a space exists).'),
};
export const writes = {
  ...common,
  '400': problem('Malformed JSON.'),
  '403': problem('The caller may see the space but not do this (or the space is archived).'),
  '409': problem('Conflicts with the current state (already a member, last admin, already archived…).'),
  '415': problem('The body is not application/json.'),
  '422': problem('Invalid input; `fields` holds the messages by field.'),
};
export const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } });
export const body = (id: string) => ({ required: true, ...json(componentRef(id)) });

export function listQueryParameters(filters: z.ZodType) {
  const shape = z.toJSONSchema(filters, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, object> };
  return Object.entries(shape.properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
}
