import { sql } from 'drizzle-orm';
import {
  boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';

export const organizations = pgTable('organizations', {
  id: id(),
  name: text().notNull(),
  createdAt: createdAt(),
});

export const departments = pgTable(
  'departments',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => departments.id, { onDelete: 'restrict' }),
    name: text().notNull(),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('departments_organization_id_idx').on(t.organizationId),
    index('departments_parent_id_idx').on(t.parentId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    departmentId: uuid().references(() => departments.id, { onDelete: 'set null' }),
    name: text().notNull(),
    title: text(),
    /** Stored lower-cased; unique across the installation because it is the sign-in name. */
    email: text().notNull(),
    phone: text(),
    /** 工号: the company's employee number, from the directory; unique within the organisation. */
    employeeId: text(),
    /** Storage key of the uploaded picture (see lib/files/storage.ts); null shows initials. */
    avatarKey: text(),
    locale: text(),
    timeZone: text(),
    /** 'important': only important task reminders; 'all': every message (重要任务提醒 / 全员消息). */
    notificationPreference: text({ enum: ['important', 'all'] }).notNull().default('important'),
    isActive: boolean().notNull().default(true),
    isOrgAdmin: boolean().notNull().default(false),
    passwordHash: text(),
    /** Bumped to end every session of the user at once (deactivation, password change). */
    sessionVersion: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_idx').on(sql`lower(${t.email})`),
    uniqueIndex('users_organization_id_employee_id_idx').on(t.organizationId, t.employeeId).where(sql`${t.employeeId} is not null`),
    index('users_organization_id_idx').on(t.organizationId),
    index('users_department_id_idx').on(t.departmentId),
  ],
);

/** 常用部门: departments a user pins in the navigation. */
export const userFavoriteDepartments = pgTable(
  'user_favorite_departments',
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    departmentId: uuid().notNull().references(() => departments.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.departmentId] }),
    index('user_favorite_departments_department_id_idx').on(t.departmentId),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type NewDepartment = typeof departments.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
