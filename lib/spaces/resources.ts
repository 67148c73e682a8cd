import { z } from 'zod';
import type { Space } from '@/db/schema';
import { SPACE_ACTIONS, type SpaceAction } from '@/lib/auth/permissions';
import { SPACE_COLORS, SPACE_ROLES, SPACE_STATUSES } from './rules';
import type { SpaceMemberView } from './queries';

// What the REST API answers with, as zod schemas: the OpenAPI document is generated from them.

const named = z.object({ id: z.uuid(), name: z.string() });

export const spaceResourceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  goal: z.string(),
  description: z.string().nullable(),
  coverColor: z.enum(SPACE_COLORS),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  status: z.enum(SPACE_STATUSES),
  archivedAt: z.iso.datetime().nullable(),
  templateKey: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  departments: z.array(named),
});

export const spaceMemberResourceSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.email(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  role: z.enum(SPACE_ROLES),
  isAdmin: z.boolean(),
});

export const spaceListItemSchema = spaceResourceSchema.extend({ memberCount: z.number().int(), myRole: z.enum(SPACE_ROLES).nullable() });

export const spaceDetailSchema = spaceResourceSchema.extend({
  members: z.array(spaceMemberResourceSchema),
  /** What the caller may do in this space now, from the permission matrix. */
  permissions: z.array(z.enum(SPACE_ACTIONS)),
});

export function toSpaceResource(space: Space, departments: { id: string; name: string }[]) {
  return {
    id: space.id,
    name: space.name,
    goal: space.goal,
    description: space.description,
    coverColor: space.coverColor as (typeof SPACE_COLORS)[number],
    startDate: space.startDate,
    endDate: space.endDate,
    status: space.status,
    archivedAt: space.archivedAt?.toISOString() ?? null,
    templateKey: space.templateKey,
    createdAt: space.createdAt.toISOString(),
    updatedAt: space.updatedAt.toISOString(),
    departments,
  };
}

export function toSpaceMemberResource(member: SpaceMemberView) {
  const { userId, name, email, departmentId, departmentName, role, isAdmin } = member;
  return { userId, name, email, departmentId, departmentName, role, isAdmin };
}

export function toSpaceDetail(data: { space: Space; departments: { id: string; name: string }[]; members: SpaceMemberView[]; allowed: Set<SpaceAction> }) {
  return {
    ...toSpaceResource(data.space, data.departments),
    members: data.members.map(toSpaceMemberResource),
    permissions: SPACE_ACTIONS.filter((action) => data.allowed.has(action)),
  };
}
