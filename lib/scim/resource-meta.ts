import { createHash } from 'node:crypto';
import { scimBaseUrl } from './http';

/**
 * `meta` of a resource. The version is a weak ETag over the representation itself, so it changes
 * exactly when something an identity provider can see changes.
 */
export function resourceMeta(
  resourceType: 'User' | 'Group', endpoint: 'Users' | 'Groups', id: string,
  created: Date, lastModified: Date, representation: unknown,
) {
  const version = `W/"${createHash('sha256').update(JSON.stringify(representation)).digest('base64url').slice(0, 16)}"`;
  return {
    resourceType, created: created.toISOString(), lastModified: lastModified.toISOString(),
    location: `${scimBaseUrl()}/${endpoint}/${id}`, version,
  };
}

/** A SCIM boolean; Azure AD sends "True"/"False" strings. */
export function scimBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

/** The first problem of a failed parse as an IdP-readable detail: `userName: must be an email address`. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`).join('; ');
}
