import { z } from 'zod';
import type { Department } from '@/db/schema';
import { scimInvalid } from './errors';
import type { PatchTarget } from './patch';
import { describeIssues, resourceMeta } from './resource-meta';
import { scimBaseUrl } from './http';
import { GROUP_SCHEMA } from './urns';

/** A department as a SCIM Group: its members are the people whose department it is. */
export interface GroupRecord {
  department: Department;
  externalId: string | null;
  lastModified: Date;
  members: { id: string; name: string }[];
}

export const GROUP_PATCH_TARGET: PatchTarget = {
  core: [
    { name: 'id', readOnly: true },
    { name: 'meta', readOnly: true, subAttributes: ['created', 'lastModified', 'location', 'version', 'resourceType'] },
    { name: 'displayName' },
    { name: 'externalId' },
    { name: 'members', multiValued: true, subAttributes: ['value', 'display', '$ref', 'type'] },
  ],
};

const scimGroupSchema = z.object({
  schemas: z.array(z.string(), 'schemas is required').refine((s) => s.includes(GROUP_SCHEMA), `schemas must contain ${GROUP_SCHEMA}`),
  displayName: z.string('displayName is required').trim().min(1, 'displayName is required').max(60, 'at most 60 characters'),
  externalId: z.string().trim().max(255, 'at most 255 characters').nullish(),
  members: z.array(z.looseObject({ value: z.uuid('members must name users by id') }), 'members must be a list').max(10_000).nullish(),
});

export interface GroupInput {
  name: string;
  externalId: string | null;
  memberIds: string[];
}

export function parseGroupResource(body: unknown): GroupInput {
  const result = scimGroupSchema.safeParse(body);
  if (!result.success) {
    const schemaWrong = result.error.issues.some((i) => i.path[0] === 'schemas');
    throw scimInvalid(schemaWrong ? 'invalidSyntax' : 'invalidValue', describeIssues(result.error.issues));
  }
  const { displayName, externalId, members } = result.data;
  return { name: displayName, externalId: externalId || null, memberIds: [...new Set((members ?? []).map((m) => m.value.toLowerCase()))] };
}

export function toScimGroup({ department, externalId, lastModified, members }: GroupRecord) {
  const body = {
    schemas: [GROUP_SCHEMA],
    id: department.id,
    ...(externalId ? { externalId } : {}),
    displayName: department.name,
    members: members.map((m) => ({ value: m.id, display: m.name, type: 'User', $ref: `${scimBaseUrl()}/Users/${m.id}` })),
  };
  return { ...body, meta: resourceMeta('Group', 'Groups', department.id, department.createdAt, lastModified, body) };
}
export type ScimGroup = ReturnType<typeof toScimGroup>;
