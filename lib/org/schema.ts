import { z } from 'zod';
import { blankToUndefined } from '@/lib/validation';
import { locales } from '@/lib/i18n/config';

// Messages are keys of the `validation` catalogue, translated where they are shown.
export const emailSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .pipe(z.email('emailInvalid'))
  .transform((v) => v.toLowerCase());

export const passwordSchema = z.string().min(8, 'passwordTooShort').max(200, 'tooLong');

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  password: passwordSchema.optional(),
  departmentId: z.uuid('invalid').optional(),
  title: z.string().trim().max(60, 'tooLong').optional(),
  phone: z.string().trim().max(40, 'tooLong').optional(),
  isOrgAdmin: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const createDepartmentSchema = z.object({
  name: z.string('required').trim().min(1, 'required').max(60, 'tooLong'),
  parentId: z.preprocess((v) => (v === '' ? null : v), z.uuid('departmentUnknown').nullable().optional()),
  sortOrder: z.number().int().optional(),
});
export type CreateDepartmentInput = z.input<typeof createDepartmentSchema>;

export const localeSchema = z.enum(locales, 'invalid');


export const phoneSchema = z
  .string('required')
  .trim()
  .min(1, 'required')
  .regex(/^\+?[\d\s()-]{5,20}$/, 'phoneInvalid');

/** The profile every user completes on first sign-in and can edit in settings. */
export const profileSchema = z.object({
  name: z.string('required').trim().min(1, 'required').max(60, 'tooLong'),
  departmentId: z.preprocess(
    blankToUndefined,
    z.uuid({ error: (issue) => (issue.input === undefined ? 'required' : 'departmentUnknown') }),
  ),
  title: z.preprocess(blankToUndefined, z.string().trim().max(60, 'tooLong').optional()),
  phone: phoneSchema,
});

/** The same in an organisation without departments yet, where nobody can pick one (see isProfileComplete). */
export const profileWithoutDepartmentSchema = profileSchema.extend({
  departmentId: profileSchema.shape.departmentId.optional(),
});
export type ProfileInput = z.input<typeof profileWithoutDepartmentSchema>;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const notificationPreferences = ['important', 'all'] as const;

export const preferencesSchema = z.object({
  locale: localeSchema,
  timeZone: z.string('required').refine(isTimeZone, 'timeZoneInvalid'),
  notificationPreference: z.enum(notificationPreferences, 'invalid'),
});
export type PreferencesInput = z.input<typeof preferencesSchema>;

export const MAX_FAVORITE_DEPARTMENTS = 20;

export const favoriteDepartmentsSchema = z.object({
  departmentIds: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid('departmentUnknown')))
    .pipe(z.array(z.string()).max(MAX_FAVORITE_DEPARTMENTS, 'tooMany')),
});

export const departmentNameSchema = z.string('required').trim().min(1, 'required').max(60, 'tooLong');

export const renameDepartmentSchema = z.object({ name: departmentNameSchema });

/** Where a department goes: under `parentId` (none: top level), at `position` among its new siblings. */
export const moveDepartmentSchema = z.object({
  parentId: z.preprocess((v) => (v === '' ? null : v), z.uuid('departmentUnknown').nullable()),
  position: z.coerce.number('invalid').int('invalid').min(0, 'invalid'),
});
export type MoveDepartmentInput = z.input<typeof moveDepartmentSchema>;

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: z.string('required').trim().min(1, 'required').max(60, 'tooLong'),
  departmentId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('departmentUnknown').optional()),
});

export const acceptInvitationSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' });
