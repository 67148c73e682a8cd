import { z } from 'zod';
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
  name: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  parentId: z.uuid('invalid').nullable().optional(),
  sortOrder: z.number().int().optional(),
});
export type CreateDepartmentInput = z.input<typeof createDepartmentSchema>;

export const localeSchema = z.enum(locales, 'invalid');
