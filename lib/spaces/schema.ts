import { z } from 'zod';
import { blankToUndefined, formBoolean, idListSchema, isoDateSchema } from '@/lib/validation';
import { SPACE_ADMINS_MAX, SPACE_COLORS, SPACE_NAME_MAX, SPACE_ROLES, SPACE_STATUSES } from './rules';

// Messages are keys of the `validation` catalogue. The same schemas parse form data and API JSON,
// and document the API (lib/api/openapi.ts).



const nameSchema = z.string('required').trim().min(1, 'required').max(SPACE_NAME_MAX, 'tooLong');
const goalSchema = z.string('required').trim().min(1, 'required').max(2000, 'tooLong');
const descriptionSchema = z.preprocess(blankToUndefined, z.string().trim().max(5000, 'tooLong').nullable().optional());

export const spaceRoleSchema = z.enum(SPACE_ROLES, 'roleInvalid');
export const spaceStatusSchema = z.enum(SPACE_STATUSES, 'invalid');

const endNotBeforeStart = {
  // Runs even when other fields failed, so a form shows every problem at once.
  when: (payload: { value: unknown }) => {
    const v = payload.value as { startDate?: unknown; endDate?: unknown };
    return isoDateSchema.safeParse(v.startDate).success && isoDateSchema.safeParse(v.endDate).success;
  },
};

export const createSpaceSchema = z
  .object({
    name: nameSchema,
    goal: goalSchema,
    description: descriptionSchema,
    coverColor: z.preprocess(blankToUndefined, z.enum(SPACE_COLORS, 'invalid').default('blue')),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    departmentIds: idListSchema('departmentUnknown', 50, { count: 1, key: 'departmentsRequired' }),
    /** One or two space admins; they join the space as 负责人 (owner). */
    adminIds: idListSchema('userUnknown', 50, { count: 1, key: 'spaceAdminsRequired' })
      .refine((ids) => new Set(ids).size <= SPACE_ADMINS_MAX, 'spaceAdminsTooMany'),
    /** More people to invite at once, as participants. */
    memberIds: idListSchema('userUnknown', 500).optional(),
    /** `builtin:<key>` or a saved template's id. */
    templateKey: z.preprocess(blankToUndefined, z.string().max(100, 'tooLong').optional()),
  })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: 'endBeforeStart', ...endNotBeforeStart });
// Partial: forms and JSON may omit anything; the schema says what is required.
export type CreateSpaceInput = Partial<z.input<typeof createSpaceSchema>>;

/** Settings an admin can change later; dates are checked against the stored ones in the service. */
export const updateSpaceSchema = z.object({
  name: nameSchema.optional(),
  goal: goalSchema.optional(),
  description: descriptionSchema,
  coverColor: z.enum(SPACE_COLORS, 'invalid').optional(),
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.optional(),
  departmentIds: idListSchema('departmentUnknown', 50, { count: 1, key: 'departmentsRequired' }).optional(),
});
export type UpdateSpaceInput = Partial<z.input<typeof updateSpaceSchema>>;

/** Invite people by name (`userIds`) and/or whole departments with their sub-departments. */
export const addSpaceMembersSchema = z
  .object({
    userIds: idListSchema('userUnknown', 500),
    departmentIds: idListSchema('departmentUnknown', 50),
    role: z.preprocess(blankToUndefined, spaceRoleSchema.default('participant')),
  })
  .refine((v) => v.userIds.length + v.departmentIds.length > 0, { path: ['userIds'], message: 'membersRequired' });
export type AddSpaceMembersInput = Partial<z.input<typeof addSpaceMembersSchema>>;

export const updateSpaceMemberSchema = z
  .object({ role: spaceRoleSchema.optional(), isAdmin: formBoolean.optional() })
  .refine((v) => v.role !== undefined || v.isAdmin !== undefined, { path: ['role'], message: 'required' });
export type UpdateSpaceMemberInput = Partial<z.input<typeof updateSpaceMemberSchema>>;

export const spaceListFiltersSchema = z.object({
  scope: z.enum(['mine', 'all']).catch('mine'),
  status: spaceStatusSchema.optional().catch(undefined),
  departmentId: z.uuid().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});
export type SpaceListFilters = Partial<z.input<typeof spaceListFiltersSchema>>;
